using System.Globalization;
using System.Text;

namespace PerijinanBot.Sop.Engine;

/// <summary>Draws a <see cref="TransitionTable"/> as Mermaid, so the office can check the flow against its paper SOP.</summary>
internal static class MermaidExport
{
    public static string Render(TransitionTable table)
    {
        var definition = table.Definition;
        var text = new StringBuilder();
        text.Append("flowchart TD\n");
        text.Append(CultureInfo.InvariantCulture, $"    mulai([\"Mulai\"]) --> s{definition.FirstStep.Number}\n");
        foreach (var step in definition.Steps)
        {
            var role = definition.Roles.FirstOrDefault(r => r.Role == step.Role)?.ShortName ?? step.RoleName;
            var label = Escape($"{step.Number}. {step.Title}") + "<br/>" + Escape(role) + "<br/>" + Escape(WibFormat.Waktu(step.Waktu));
            text.Append(step.IsDecision ? $"    s{step.Number}{{\"{label}\"}}\n" : $"    s{step.Number}[\"{label}\"]\n");
        }

        foreach (var transition in table.Transitions)
        {
            var target = transition.To is int to ? $"s{to}" : "selesai";
            var edge = transition.Trigger switch
            {
                SopTrigger.Approve => " -->|Setuju| ",
                SopTrigger.Reject => " -->|Tidak| ",
                _ => " --> ",
            };
            text.Append(CultureInfo.InvariantCulture, $"    s{transition.From}{edge}{target}\n");
        }

        text.Append("    selesai([\"Selesai\"])\n");
        return text.ToString();
    }

    // Mermaid reads quotes and angle brackets inside a quoted label as markup; entity codes keep the text literal.
    private static string Escape(string text) =>
        text.Replace("\"", "#quot;", StringComparison.Ordinal)
            .Replace("<", "#lt;", StringComparison.Ordinal)
            .Replace(">", "#gt;", StringComparison.Ordinal);
}
