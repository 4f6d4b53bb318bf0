using OmaDm.Nano.Host.Storage;
using OmaDm.Nano.Session;

namespace OmaDm.Device;

/// <summary>Boot, run once or loop, and map every ending to an exit code with a one-line reason on stderr.</summary>
public static class DeviceRunner
{
    /// <summary>Runs a device until done; never throws for expected failures.</summary>
    public static int Run(DeviceOptions options, TextWriter log, TextWriter error, CancellationToken stop)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stop);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            using var device = new VirtualDevice(options, log);
            string? reason = device.Boot();
            if (reason is not null)
            {
                error.WriteLine("OmaDm.Device: " + reason);
                return device.PowerLost ? PowerCut(error, options) : ExitCodes.NotConfigured;
            }

            if (!options.Once)
            {
                int code = device.RunLoop(cancel.Token);
                return code == ExitCodes.PowerCut ? PowerCut(error, options) : code;
            }

            SessionOutcome outcome = device.RunSession();
            if (device.PowerLost)
            {
                return PowerCut(error, options);
            }

            if (outcome.Result != SessionResult.Completed)
            {
                error.WriteLine("OmaDm.Device: session " + outcome.Describe());
                return ExitCodes.SessionFailed;
            }

            return ExitCodes.Ok;
        }
        catch (PowerCutException)
        {
            return PowerCut(error, options);
        }
        catch (IOException e)
        {
            error.WriteLine("OmaDm.Device: state folder error: " + e.Message);
            return ExitCodes.NotConfigured;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine("OmaDm.Device: state folder error: " + e.Message);
            return ExitCodes.NotConfigured;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static int PowerCut(TextWriter error, DeviceOptions options)
    {
        error.WriteLine($"OmaDm.Device: power cut after {options.PowerCutAfterOps} flash operations (seed {options.PowerCutSeed}); run again to recover");
        return ExitCodes.PowerCut;
    }
}
