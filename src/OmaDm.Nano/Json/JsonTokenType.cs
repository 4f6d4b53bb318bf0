namespace OmaDm.Nano.Json
{
    /// <summary>Kind of the token a <see cref="JsonReader"/> is positioned on. Same values as System.Text.Json; never renumber.</summary>
    public enum JsonTokenType
    {
        /// <summary>No token read yet.</summary>
        None = 0,
        /// <summary><c>{</c></summary>
        StartObject = 1,
        /// <summary><c>}</c></summary>
        EndObject = 2,
        /// <summary><c>[</c></summary>
        StartArray = 3,
        /// <summary><c>]</c></summary>
        EndArray = 4,
        /// <summary>A property name inside an object (the colon is consumed with it).</summary>
        PropertyName = 5,
        /// <summary>A string value.</summary>
        String = 6,
        /// <summary>A number value (text kept raw until asked).</summary>
        Number = 7,
        /// <summary><c>true</c></summary>
        True = 8,
        /// <summary><c>false</c></summary>
        False = 9,
        /// <summary><c>null</c></summary>
        Null = 10
    }
}
