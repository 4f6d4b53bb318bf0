Console.Error.WriteLine("OmaDm.Device: not built yet");
return 1;
