using System;

namespace PrepGen.Cli;

internal static class Program
{
    private static int Main(string[] args) => PrepGenCli.Run(args, Console.Out, Console.Error);
}
