using System.Text.Json;
using System.Text.Json.Nodes;
using LibraryBot.Bot.Storage;

namespace LibraryBot.Bot.Engine.Dialogs;

public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext step, CancellationToken cancellationToken);

/// <summary>
/// A dialog made of steps run in order; each step usually asks something (a prompt) and the next receives the answer.
/// The step index and values persist on the stack, so a waterfall survives restarts between turns. Subclasses receive
/// their services by constructor injection and add their steps and prompts there.
/// </summary>
public class WaterfallDialog : Dialog
{
    private const string StepKey = "step";
    private readonly List<WaterfallStep> _steps = [];

    public WaterfallDialog(string id, IEnumerable<WaterfallStep> steps)
        : base(id) => _steps.AddRange(steps);

    protected WaterfallDialog(string id)
        : base(id)
    {
    }

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var instance = dc.ActiveDialog!;
        instance.State[StepKey] = -1;
        instance.State["values"] = new JsonObject();
        instance.State["options"] = options is null ? null : JsonSerializer.SerializeToNode(options, options.GetType(), StoreJson.Options);
        return RunStepAsync(dc, 0, null, cancellationToken);
    }

    /// <summary>A step that ended without starting a prompt receives the patron's next message as its result.</summary>
    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken) =>
        RunStepAsync(dc, CurrentStep(dc.ActiveDialog!) + 1, dc.Context.Activity.ChoiceId ?? dc.Context.Activity.Text, cancellationToken);

    public override Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken) =>
        result is PromptGaveUp
            ? dc.EndDialogAsync(result, cancellationToken)
            : RunStepAsync(dc, CurrentStep(dc.ActiveDialog!) + 1, result, cancellationToken);

    protected void AddSteps(params WaterfallStep[] steps) => _steps.AddRange(steps);

    private static int CurrentStep(DialogInstance instance) => instance.State[StepKey]?.GetValue<int>() ?? -1;

    private Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return dc.EndDialogAsync(result, cancellationToken);
        }

        var instance = dc.ActiveDialog!;
        instance.State[StepKey] = index;
        var step = new WaterfallStepContext(dc, instance, index, result, (r, ct) => RunStepAsync(dc, index + 1, r, ct));
        return _steps[index](step, cancellationToken);
    }
}
