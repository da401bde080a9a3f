using Telemed.Liquid.Rendering;
using Telemed.Liquid.Values;

namespace Telemed.Liquid.Syntax;

internal readonly record struct ConditionalBranch(Expression Condition, Node[] Body);

/// <summary><c>if/elsif/else</c>; for <c>unless</c> the first condition is negated.</summary>
internal sealed class IfNode(ConditionalBranch[] branches, Node[]? elseBody, bool negateFirst, int position) : Node(position)
{
    public override Completion Render(LiquidRenderContext context)
    {
        for (var i = 0; i < branches.Length; i++)
        {
            var truthy = branches[i].Condition.Evaluate(context).IsTruthy;
            if (i == 0 && negateFirst ? !truthy : truthy)
            {
                return Body.Render(branches[i].Body, context);
            }
        }

        return elseBody is null ? Completion.Normal : Body.Render(elseBody, context);
    }
}

internal readonly record struct WhenBranch(Expression[] Values, Node[] Body);

/// <summary>
/// <c>case/when/else</c>. As in Ruby Liquid, every matching <c>when</c> renders, and <c>else</c>
/// renders only when none matched.
/// </summary>
internal sealed class CaseNode(Expression subject, WhenBranch[] branches, Node[]? elseBody, int position) : Node(position)
{
    public override Completion Render(LiquidRenderContext context)
    {
        var value = subject.Evaluate(context);
        var matched = false;
        foreach (var branch in branches)
        {
            if (!Matches(branch, value, context))
            {
                continue;
            }

            matched = true;
            var completion = Body.Render(branch.Body, context);
            if (completion != Completion.Normal)
            {
                return completion;
            }
        }

        return matched || elseBody is null ? Completion.Normal : Body.Render(elseBody, context);
    }

    private static bool Matches(WhenBranch branch, LiquidValue value, LiquidRenderContext context)
    {
        foreach (var candidate in branch.Values)
        {
            if (LiquidValue.LiquidEquals(candidate.Evaluate(context), value))
            {
                return true;
            }
        }

        return false;
    }
}
