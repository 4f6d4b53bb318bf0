Console.Error.WriteLine("OmaDm.Server: not built yet");
return 1;
