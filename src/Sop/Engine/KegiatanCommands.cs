using PerijinanBot.Sop.Definitions;

namespace PerijinanBot.Sop.Engine;

/// <summary>The commands that act on the kegiatan as a whole: reassign the current step, cancel.</summary>
internal static class KegiatanCommands
{
    public static CommandResult Reassign(Kegiatan kegiatan, Reassign command, CommandContext context)
    {
        var current = kegiatan.Current!;
        var step = context.Definition.Step(current.Step);
        var actor = Authority.Resolve(context.Staffing, command.ActorId, context.Today, Authority.MayReassign(context.Definition, step));
        if (actor is null)
        {
            return CommandResult.Refused(RefusalCode.NotYours, Texts.ReassignNotAllowed(context.Definition, step));
        }

        var target = context.Staffing.People.Find(command.NewAssigneeId);
        if (target is null)
        {
            return CommandResult.Refused(RefusalCode.InvalidInput, Texts.ReassignTargetUnknown);
        }

        if (!target.Holds(step.Role))
        {
            return CommandResult.Refused(RefusalCode.InvalidInput, Texts.ReassignWrongRole(target.Name, context.Definition, step));
        }

        if (current.Assignee?.Is(target.AadObjectId) == true)
        {
            return CommandResult.Refused(RefusalCode.InvalidInput, Texts.AlreadyAssigned(current.Assignee));
        }

        string? reason = null;
        if (!string.IsNullOrWhiteSpace(command.Reason))
        {
            (reason, var problem) = InputValidator.Reason(command.Reason, "");
            if (problem is not null)
            {
                return CommandResult.Refused(RefusalCode.InvalidReason, problem);
            }
        }

        var to = new PersonRef(target.AadObjectId, target.Name);
        var moved = current with { Assignee = to, Reassignments = [.. current.Reassignments, new Reassignment(current.Assignee, to, actor, context.Now, reason)] };
        var updated = StepFlow.ReplaceCurrent(kegiatan, moved);

        // The person behind "starter" / "assigned at start" changes too, so later steps with the same rule follow the new holder.
        updated = step.Assignment.Rule switch
        {
            AssignmentRule.Starter => updated with { Starter = to },
            AssignmentRule.AssignedAtStart when step.Assignment.Field is { } field =>
                updated with { AssignedAtStart = new Dictionary<string, PersonRef>(updated.AssignedAtStart, StringComparer.Ordinal) { [field] = to } },
            _ => updated,
        };

        List<KegiatanEvent> events = [new Reassigned(context.Number, context.Version, context.Now, step.Number, actor, current.Assignee, to, reason)];
        return StepFlow.Commit(updated, events, context);
    }

    public static CommandResult Cancel(Kegiatan kegiatan, Cancel command, CommandContext context)
    {
        var actor = Authority.Resolve(context.Staffing, command.ActorId, context.Today, Authority.MayCancel(context.Definition, kegiatan));
        if (actor is null)
        {
            return CommandResult.Refused(RefusalCode.NotYours, Texts.CancelNotAllowed(context.Definition));
        }

        var (reason, problem) = InputValidator.Reason(command.Reason, Texts.CancelReasonRequired);
        if (problem is not null)
        {
            return CommandResult.Refused(RefusalCode.InvalidReason, problem);
        }

        var current = kegiatan.Current!;
        var stopped = current with { FinishedAt = context.Now, Outcome = StepOutcome.Cancelled, FinishedBy = actor, Reason = reason };
        var cancelled = StepFlow.ReplaceCurrent(kegiatan, stopped) with
        {
            Status = KegiatanStatus.Cancelled,
            Cancellation = new Cancellation(current.Step, actor, context.Now, reason!),
        };
        List<KegiatanEvent> events =
            [new Cancelled(context.Number, context.Version, context.Now, current.Step, actor, reason!, current.Assignee, cancelled.Participants())];
        return StepFlow.Commit(cancelled, events, context);
    }
}
