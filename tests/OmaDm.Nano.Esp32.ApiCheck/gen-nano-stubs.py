#!/usr/bin/env python3
"""Generates C# reference stubs (signatures only) for the nanoFramework class libraries from the
API listings in shared/nano-api/v2-preview, so that the ESP32 bindings and board apps can be
compiled on a PC against the exact nanoFramework signatures (mscorlib itself is not stubbed: the
compiled result is checked against it by nano-api-check instead).

Usage: tests/OmaDm.Nano.Esp32.ApiCheck/gen-nano-stubs.py [listing-folder]  (default ../shared/nano-api/v2-preview)
Writes NanoStubs.g.cs beside this script. Rerun when the listings change.

Limits (listings do not record them): interface lists (IDisposable is added to types with a
public Dispose()), parameter names, ref vs out (out unless the method is known to take ref),
constant values (unique placeholders), generic types of the class libraries (skipped).
"""
import hashlib, pathlib, re, sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LISTINGS = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "nano-api" / "v2-preview"
# Only the libraries whose types have no faithful twin in the .NET base library. The others
# (Streams, Text, Collections, Threading) stay .NET's, so the core's public API (compiled by
# OmaDm.Nano.csproj against .NET) and the checked sources agree on Stream, Encoding and so on.
KEEP_FILES = {"System.Net.txt", "System.Net.Http.txt", "System.IO.FileSystem.txt", "System.Device.Wifi.txt",
              "nanoFramework.Runtime.Events.txt", "nanoFramework.Runtime.Native.txt", "nanoFramework.Hardware.Esp32.txt",
              "nanoFramework.Runtime.InFieldUpdate.txt", "nanoFramework.Runtime.InFieldUpdate.Provider.txt",
              "nanoFramework.TestFramework.txt"}
# Virtual members of .NET base types that listed types derive from (the listings cannot say
# "override" for a base outside the stubs). Key: base type -> {(name, params or None for a property)}.
BCL_VIRTUALS = {
    "System.Object": {("ToString", ()), ("Equals", ("System.Object",)), ("GetHashCode", ())},
    "System.Exception": {("Message", None), ("StackTrace", None), ("ToString", ()), ("Equals", ("System.Object",)), ("GetHashCode", ())},
    "System.IO.Stream": {("CanRead", None), ("CanSeek", None), ("CanWrite", None), ("CanTimeout", None), ("Length", None),
                         ("Position", None), ("ReadTimeout", None), ("WriteTimeout", None), ("Flush", ()),
                         ("Read", ("System.Byte[]", "System.Int32", "System.Int32")), ("Write", ("System.Byte[]", "System.Int32", "System.Int32")),
                         ("Seek", ("System.Int64", "System.IO.SeekOrigin")), ("SetLength", ("System.Int64",)), ("Close", ()),
                         ("Dispose", ("System.Boolean",)), ("ReadByte", ()), ("WriteByte", ("System.Byte",)),
                         ("ToString", ()), ("Equals", ("System.Object",)), ("GetHashCode", ())},
}
BCL_BASES = {"System.InvalidOperationException": "System.Exception", "System.SystemException": "System.Exception",
             "System.IO.IOException": "System.Exception", "System.MarshalByRefObject": "System.Object",
             "System.EventArgs": "System.Object", "System.ValueType": "System.Object", "System.Exception": None,
             "System.IO.Stream": None, "System.Object": None}
# The listings drop default values. The test framework's assertions take a trailing
# `string message = ""` (read in nanoFramework.TestFramework's Assert*.cs), which the shared tests
# rely on, so those trailing strings are optional here too.
OPTIONAL_MESSAGE_TYPES = {"nanoFramework.TestFramework.Assert", "nanoFramework.TestFramework.CollectionAssert"}
REF_METHODS = {"ReceiveFrom", "Exchange", "CompareExchange", "Increment", "Decrement", "Resize"}
OPERATORS = {
    "op_Equality": "==", "op_Inequality": "!=", "op_LessThan": "<", "op_GreaterThan": ">",
    "op_LessThanOrEqual": "<=", "op_GreaterThanOrEqual": ">=", "op_Addition": "+", "op_Subtraction": "-",
    "op_Multiply": "*", "op_Division": "/", "op_Modulus": "%", "op_UnaryNegation": "-", "op_UnaryPlus": "+",
    "op_BitwiseAnd": "&", "op_BitwiseOr": "|", "op_ExclusiveOr": "^", "op_OnesComplement": "~",
    "op_LogicalNot": "!", "op_Increment": "++", "op_Decrement": "--", "op_True": "true", "op_False": "false",
}
# Hand-written: packages without a listing that the board apps use (signatures from the
# nanoFramework.Runtime.InFieldUpdate IFU-blink-app sample, which targets the 2.x line).
EXTRA = """
namespace System.Device.Gpio
{
    public enum PinMode { Input, Output, InputPullDown, InputPullUp }
    public struct PinValue { public static readonly PinValue Low; public static readonly PinValue High; }
    public class GpioPin : global::System.IDisposable
    {
        internal GpioPin() { }
        public void Write(global::System.Device.Gpio.PinValue value) { }
        public global::System.Device.Gpio.PinValue Read() { throw null; }
        public void Toggle() { }
        public void Dispose() { }
    }
    public class GpioController : global::System.IDisposable
    {
        public GpioController() { }
        public global::System.Device.Gpio.GpioPin OpenPin(int pinNumber, global::System.Device.Gpio.PinMode mode) { throw null; }
        public void Dispose() { }
    }
}
"""


class Type:
    def __init__(self, name, kind, flags, base):
        self.name, self.kind, self.flags, self.base = name, kind, flags, base
        self.members = []          # (key, rest, tags)
        self.nested = []


def split_top(s, sep=","):
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch in "<[(":
            depth += 1
        elif ch in ">])":
            depth -= 1
        if ch == sep and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    if cur:
        out.append(cur)
    return out


def tr(t, known):
    """Listing type syntax -> C# (global::-qualified); None when it names something we cannot express."""
    t = t.strip()
    if t.endswith("&"):
        return tr(t[:-1], known)
    if t.endswith("[]"):
        inner = tr(t[:-2], known)
        return None if inner is None else inner + "[]"
    if t.endswith("*"):
        return None
    if t.startswith("!!"):
        return None
    if t.startswith("!"):
        return None
    if t == "System.Void":
        return "void"
    if "`" in t or "<" in t:
        return None            # generics: not needed by the code under check
    if t in known and known[t] is None:
        return None            # a skipped type
    return "global::" + t.replace("+", ".")


def parse(files):
    types = {}
    for f in files:
        for line in f.read_text().splitlines():
            if not line or line.startswith("#"):
                continue
            m = re.match(r"^(\S+)(?: : (\S+))? \[(.*)\]$", line) or re.match(r"^(\S+)(?: : (\S+))?$", line)
            key, rtype, tags = m.group(1), m.group(2), (m.group(3) if m.lastindex and m.lastindex >= 3 else "")
            tags = (tags or "").split()
            if "::" not in key:
                kind = tags[0]
                base = None
                tm = re.search(r": (\S+)\]$", line)
                if tm:
                    base = tm.group(1)
                types.setdefault(key, Type(key, kind, set(tags[1:]), base))
            else:
                owner, rest = key.split("::", 1)
                types[owner].members.append((rest, rtype, set(tags)))
    return types


def main():
    files = sorted(p for p in LISTINGS.glob("*.txt") if p.name in KEEP_FILES)
    types = parse(files)
    known = {}
    for name in types:
        known[name] = None if "`" in name else name
    # nesting
    roots = []
    for name, t in sorted(types.items()):
        if known[name] is None:
            continue
        if "+" in name:
            parent = name.rsplit("+", 1)[0]
            if parent in types and known.get(parent):
                types[parent].nested.append(t)
                continue
        roots.append(t)

    def chain(t):
        b = t.base
        while b and b in types:
            yield types[b]
            b = types[b].base

    def sig_of(rest):
        m = re.match(r"^([^(]+)\((.*)\)$", rest)
        if not m:
            return rest, None
        return m.group(1), [p for p in split_top(m.group(2)) if p]

    def find_in_chain(t, name, params):
        for b in chain(t):
            for rest, rtype, tags in b.members:
                n, ps = sig_of(rest)
                if n == name and ps == params:
                    return b, tags
        return None, None

    def bcl_virtual(t, name, ps):
        """True when a .NET base outside the stubs declares this member virtual (property when ps is None)."""
        b = t.base
        while b and b in types:
            b = types[b].base
        while b:
            if (name, None if ps is None else tuple(ps)) in BCL_VIRTUALS.get(b, set()):
                return True
            b = BCL_BASES.get(b, "System.Object" if b != "System.Object" else None)
        return (name, None if ps is None else tuple(ps)) in BCL_VIRTUALS["System.Object"]

    def has_public_dispose(t):
        for rest, _, tags in t.members:
            if rest == "Dispose()" and "static" not in tags and "protected" not in tags:
                return True
        return any(has_public_dispose(b) for b in chain(t))

    digest = hashlib.sha256()
    for f in files:
        digest.update(f.name.encode() + b"\n" + f.read_bytes().replace(b"\r\n", b"\n"))
    out = ["// <auto-generated> by gen-nano-stubs.py from shared/nano-api/v2-preview. Do not edit. </auto-generated>",
           "// listings-sha256: " + digest.hexdigest() + " (" + ", ".join(f.name for f in files) + ")",
           "#pragma warning disable",
           "namespace NanoStubs { public struct StubCtor { } }", EXTRA]

    counter = [0]

    def const_value(ctype):
        counter[0] += 1
        n = counter[0]
        if ctype == "global::System.String":
            return '"c%d"' % n
        if ctype == "global::System.Boolean":
            return "false"
        if ctype == "global::System.Char":
            return "'c'"
        if ctype in ("global::System.Single", "global::System.Double"):
            return str(n)
        if ctype.startswith("global::System.") and ctype.split(".")[-1] in ("Byte", "SByte", "Int16", "UInt16", "Int32", "UInt32", "Int64", "UInt64"):
            return "unchecked((%s)%d)" % (ctype, n % 100)
        return "default(%s)" % ctype

    def params_of(ps, tags, method_name, owner=None):
        out_ps = []
        for i, p in enumerate(ps):
            ct = tr(p, known)
            if ct is None:
                return None
            mod = ""
            if p.endswith("&"):
                mod = "ref " if method_name in REF_METHODS else "out "
            if i == len(ps) - 1 and "params" in tags:
                mod = "params "
            default = ""
            if owner in OPTIONAL_MESSAGE_TYPES and i == len(ps) - 1 and p == "System.String" and i > 0:
                default = ' = ""'
            out_ps.append("%s%s a%d%s" % (mod, ct, i, default))
        return ", ".join(out_ps)

    def emit_type(t, indent):
        simple = t.name.rsplit("+", 1)[-1].rsplit(".", 1)[-1] if "+" in t.name else t.name.rsplit(".", 1)[-1]
        pad = "    " * indent
        access = "protected" if "protected" in t.flags else "public"
        lines = []
        if t.kind == "enum":
            names = [r for r, _, tags in t.members if "field" in tags and "const" in tags]
            lines.append("%s%s enum %s { %s }" % (pad, access, simple, ", ".join(names)))
            return lines
        if t.kind == "delegate":
            inv = [(r, rt) for r, rt, _ in t.members if r.startswith("Invoke(")]
            if not inv:
                return lines
            _, ps = sig_of(inv[0][0])
            ret = tr(inv[0][1], known) if inv[0][1] else "void"
            plist = params_of(ps, set(), "Invoke")
            if ret is None or plist is None:
                return lines
            lines.append("%s%s delegate %s %s(%s);" % (pad, access, ret, simple, plist))
            return lines
        is_static = "static" in t.flags
        is_abstract = "abstract" in t.flags
        is_sealed = "sealed" in t.flags
        is_iface = t.kind == "interface"
        is_struct = t.kind == "struct"
        mods = access + (" static" if is_static else " abstract" if is_abstract and not is_iface else " sealed" if is_sealed and not is_struct else "")
        kw = "interface" if is_iface else "struct" if is_struct else "class"
        bases = []
        stub_base = t.base in types and known.get(t.base)
        if t.kind == "class" and t.base and t.base != "System.Object" and tr(t.base, known):
            bases.append(tr(t.base, known))
        if not is_iface and not is_static and has_public_dispose(t) and not any(has_public_dispose(b) for b in chain(t)):
            bases.append("global::System.IDisposable")
        lines.append("%s%s partial %s %s%s" % (pad, mods, kw, simple, (" : " + ", ".join(bases)) if bases else ""))
        lines.append(pad + "{")
        body = pad + "    "
        if t.kind == "class" and not is_static:
            chain_call = " : base(default(global::NanoStubs.StubCtor))" if stub_base else ""
            lines.append("%sinternal %s(global::NanoStubs.StubCtor s)%s { }" % (body, simple, chain_call))
        seen = set()
        props = {}
        for rest, rtype, tags in t.members:
            name, ps = sig_of(rest)
            if "property" in tags or "event" in tags:
                props[(name, tuple(ps or ()))] = (rtype, tags)
        accessor_tags = {}
        for rest, rtype, tags in t.members:
            name, ps = sig_of(rest)
            for prefix in ("get_", "set_", "add_", "remove_"):
                if name.startswith(prefix):
                    accessor_tags.setdefault(name[len(prefix):], set()).update(tags)
        for rest, rtype, tags in t.members:
            name, ps = sig_of(rest)
            key = (name, tuple(ps or ()), "p" if ("property" in tags or "event" in tags) else "m")
            if key in seen:
                continue
            seen.add(key)
            if name in (".cctor", "Finalize") or name.startswith(("get_", "set_", "add_", "remove_")):
                continue
            if "property" in tags or "event" in tags:
                atags = accessor_tags.get(name, set())
                emit_member_prop(lines, body, t, name, ps, rtype, tags, atags, is_iface, is_static, is_sealed, is_abstract)
                continue
            if "field" in tags:
                ft = tr(rtype, known)
                if ft is None or is_iface:
                    continue
                if "const" in tags:
                    lines.append("%spublic const %s %s = %s;" % (body, ft, name, const_value(ft)))
                else:
                    lines.append("%s%s %s%s%s %s;" % (body, "protected" if "protected" in tags else "public", "static " if "static" in tags else "",
                                                      "readonly " if "readonly" in tags else "", ft, name))
                continue
            if ps is None:
                continue
            if name == ".ctor":
                if is_static or is_iface or (is_struct and not ps):
                    continue
                plist = params_of(ps, tags, name, t.name)
                if plist is None:
                    continue
                acc = "protected" if "protected" in tags else "public"
                tail = " : this()" if is_struct else (" : base(default(global::NanoStubs.StubCtor))" if stub_base else "")
                lines.append("%s%s %s(%s)%s { }" % (body, acc, simple, plist, tail))
                continue
            ret = tr(rtype, known) if rtype else "void"
            plist = params_of(ps, tags, name, t.name)
            if ret is None or plist is None:
                continue
            if name in ("op_Implicit", "op_Explicit"):
                lines.append("%spublic static %s operator %s(%s) { throw null; }" % (body, "implicit" if name == "op_Implicit" else "explicit", ret, plist))
                continue
            if name in OPERATORS:
                lines.append("%spublic static %s operator %s(%s) { throw null; }" % (body, ret, OPERATORS[name], plist))
                continue
            if "`" in name:
                continue
            if is_iface:
                lines.append("%s%s %s(%s);" % (body, ret, name, plist))
                continue
            mods_m = modifiers(t, name, ps, tags, is_static, is_sealed, is_abstract)
            if mods_m is None:
                continue
            if "abstract" in mods_m.split():
                lines.append("%s%s %s %s(%s);" % (body, mods_m, ret, name, plist))
            else:
                lines.append("%s%s %s %s(%s) { throw null; }" % (body, mods_m, ret, name, plist))
        # abstract members of stub bases that this concrete class does not override
        if t.kind == "class" and not is_abstract and not is_static:
            for b in chain(t):
                for rest, rtype, tags in b.members:
                    if "abstract" not in tags:
                        continue
                    name, ps = sig_of(rest)
                    if name.startswith(("get_", "set_")) or ps is None:
                        continue
                    key = (name, tuple(ps), "m")
                    if key in seen:
                        continue
                    seen.add(key)
                    ret = tr(rtype, known) if rtype else "void"
                    plist = params_of(ps, tags, name, t.name)
                    if ret is None or plist is None:
                        continue
                    acc = "protected" if "protected" in tags else "public"
                    lines.append("%s%s override %s %s(%s) { throw null; }" % (body, acc, ret, name, plist))
        for n in sorted(t.nested, key=lambda x: x.name):
            lines.extend(emit_type(n, indent + 1))
        lines.append(pad + "}")
        return lines

    def modifiers(t, name, ps, tags, is_static, is_sealed, is_abstract):
        acc = "protected" if "protected" in tags else "public"
        if "static" in tags:
            return acc + " static"
        if is_static:
            return None
        virt = "virtual" in tags or "abstract" in tags
        base_t, base_tags = find_in_chain(t, name, ps)
        if base_t is not None:
            b_virt = "virtual" in base_tags or "abstract" in base_tags
            b_acc = "protected" if "protected" in base_tags else "public"
            if b_virt and virt:
                return b_acc + " override"
            return acc + " new"
        if bcl_virtual(t, name, ps) and (virt or "abstract" in tags):
            return acc + " override"
        if virt:
            if is_sealed:
                return acc + " new"
            if "abstract" in tags and is_abstract:
                return acc + " abstract new"
            return acc + " new virtual"
        return acc + " new"

    def emit_member_prop(lines, body, t, name, ps, rtype, tags, atags, is_iface, is_static, is_sealed, is_abstract):
        ct = tr(rtype, known)
        if ct is None:
            return
        if "event" in tags:
            if is_iface:
                lines.append("%sevent %s %s;" % (body, ct, name))
            else:
                lines.append("%spublic %sevent %s %s;" % (body, "static " if "static" in atags else "", ct, name))
            return
        has_get, has_set = "get" in tags, "set" in tags
        if ps:
            plist = params_of(ps, set(), name)
            if plist is None:
                return
            head = "this[%s]" % plist
            attr = "" if name == "Item" else "[global::System.Runtime.CompilerServices.IndexerName(\"%s\")] " % name
        else:
            head, attr = name, ""
        if is_iface:
            lines.append("%s%s %s { %s%s}" % (body, ct, head, "get; " if has_get else "", "set; " if has_set else ""))
            return
        mtags = set(atags)
        if "static" in mtags:
            mods = ("protected" if "protected" in mtags else "public") + " static"
        elif is_static:
            return
        else:
            base_t, base_tags = None, None
            for b in chain(t):
                for rest, rtype2, tags2 in b.members:
                    n2, ps2 = sig_of(rest)
                    if n2 == name and (ps2 or []) == (ps or []) and "property" in tags2:
                        base_t = b
                        break
                if base_t:
                    break
            virt = "virtual" in mtags or "abstract" in mtags
            acc = "protected" if "protected" in mtags else "public"
            if base_t is not None and virt:
                mods = acc + " override"
                # an override may only declare accessors the base has
                has_get = has_get and "get" in [x for r, _, tg in base_t.members if sig_of(r)[0] == name for x in tg]
                has_set = has_set and "set" in [x for r, _, tg in base_t.members if sig_of(r)[0] == name for x in tg]
                if not has_get and not has_set:
                    return
            elif base_t is None and virt and not ps and bcl_virtual(t, name, None):
                mods = acc + " override"
            elif virt and not is_sealed:
                mods = acc + (" abstract new" if "abstract" in mtags and is_abstract else " new virtual")
            else:
                mods = acc + " new"
        if "abstract" in mods.split():
            lines.append("%s%s%s %s %s { %s%s}" % (body, attr, mods, ct, head, "get; " if has_get else "", "set; " if has_set else ""))
        else:
            lines.append("%s%s%s %s %s { %s%s}" % (body, attr, mods, ct, head, "get { throw null; } " if has_get else "", "set { } " if has_set else ""))

    by_ns = {}
    for t in roots:
        ns = t.name.rsplit(".", 1)[0] if "." in t.name else ""
        by_ns.setdefault(ns, []).append(t)
    for ns in sorted(by_ns):
        out.append("namespace %s\n{" % ns)
        for t in by_ns[ns]:
            out.extend(emit_type(t, 1))
        out.append("}")
    (HERE / "NanoStubs.g.cs").write_text("\n".join(out) + "\n")
    print("wrote NanoStubs.g.cs: %d types from %d listings" % (len(roots), len(files)))


if __name__ == "__main__":
    main()
