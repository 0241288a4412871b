namespace LibraryBot.Bot.Engine.Dialogs;

/// <summary>How well the patron's message fits what a waiting dialog asked.</summary>
public enum AnswerFit
{
    /// <summary>Not an answer to this question.</summary>
    None,
    /// <summary>The question takes any text (a title to search for): an answer unless the message clearly asks for something else.</summary>
    Weak,
    /// <summary>Clearly an answer: a choice, a number, yes or no, a valid card number.</summary>
    Strong,
}
