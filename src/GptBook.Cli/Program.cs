return GptBook.Cli.CommandLine.Run(args);
