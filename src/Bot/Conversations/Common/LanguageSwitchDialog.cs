using LibraryBot.Bot.Engine.Dialogs;

namespace LibraryBot.Bot.Conversations.Common;

/// <summary>
/// "Español", "说中文", "tiếng Việt", "english please": switches the language for good (detection stops overriding an
/// explicit choice) and confirms in the new language; a waiting question is then asked again, in that language.
/// </summary>
public sealed class LanguageSwitchDialog : WaterfallDialog
{
    public new const string Id = "language.switch";

    public LanguageSwitchDialog()
        : base(Id)
    {
        AddSteps((step, ct) =>
        {
            if (step.Options<LanguageChoice>()?.Locale is { } locale)
            {
                LanguageMiddleware.Choose(step.Context.State, locale);
            }

            step.Context.Say("Language.Changed");
            return step.EndDialogAsync(null, ct);
        });
    }
}
