namespace LibraryBot.Bot.Storage.Backup;

/// <summary>Why a backup or restore cannot go on, in one sentence for the person who ran it (printed after "Error: ").</summary>
public sealed class BackupProblem(string message) : Exception(message);
