using System.Text;

namespace LibraryBot.Bot.Understanding.Learning;

/// <summary>
/// The text the intent classifier sees, made the same way when it is trained (at build time) and when it predicts:
/// folded units separated by spaces (each Chinese character on its own), digit runs as "#" repeated by their length
/// class, a taken-out PIN as "⟨pin⟩", emoji kept.
/// </summary>
public static class ClassifierText
{
    public static string Prepare(Utterance utterance)
    {
        var sb = new StringBuilder();
        foreach (var unit in utterance.Units)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(unit.Kind switch
            {
                UnitKind.Number => unit.Text.Length >= SecretFinder.MinCardDigits ? "#card" : unit.Text.Length >= 3 ? "#num" : unit.Text,
                UnitKind.Secret => "#pin",
                _ => unit.Text,
            });
        }

        return sb.ToString();
    }
}
