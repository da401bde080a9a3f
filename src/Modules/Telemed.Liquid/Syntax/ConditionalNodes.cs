using Telemed.Liquid.Rendering;
using Telemed.Liquid.Values;

namespace Telemed.Liquid.Syntax;

internal readonly record struct ConditionalBranch(Expression Condition, Node[] Body);

/// <summary><c>if/elsif/else</c>; for <c>unless</c> the first condition is negated.</summary>
internal sealed class IfNode(ConditionalBranch[] branches, Node[]? elseBody, bool negateFirst, bool blank, int position) : Node(position)
{
    public override bool IsBlank => blank;

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

/// <summary>One condition of a <c>case</c>: a <c>when</c> value (each value of <c>when a, b</c> is its own) or an <c>else</c> (no value).</summary>
internal readonly record struct CaseBranch(Expression? Value, Node[] Body);

/// <summary>
/// <c>case/when/else</c> as in Ruby Liquid: the branches are tried in order and every matching
/// <c>when</c> value renders its body (so <c>when 'a', 'a'</c> renders twice); an <c>else</c> renders
/// when no <c>when</c> before it matched, and <c>when</c>s after an <c>else</c> are still tried.
/// </summary>
internal sealed class CaseNode(Expression subject, CaseBranch[] branches, bool blank, int position) : Node(position)
{
    public override bool IsBlank => blank;

    public override Completion Render(LiquidRenderContext context)
    {
        var value = subject.Evaluate(context);
        var renderElse = true;
        foreach (var branch in branches)
        {
            if (branch.Value is null)
            {
                if (!renderElse)
                {
                    continue;
                }
            }
            else if (LiquidValue.LiquidEquals(branch.Value.Evaluate(context), value))
            {
                renderElse = false;
            }
            else
            {
                continue;
            }

            var completion = Body.Render(branch.Body, context);
            if (completion != Completion.Normal)
            {
                return completion;
            }
        }

        return Completion.Normal;
    }
}
