using System.Runtime.CompilerServices;
using System.Text;
using Telemed.Liquid.Parsing;
using Telemed.Liquid.Rendering;
using Telemed.Liquid.Values;

namespace Telemed.Liquid.Syntax;

/// <summary>One step of a variable path: <c>.name</c> or <c>[expression]</c>.</summary>
internal readonly record struct PathSegment(string? Name, Expression? Index)
{
    /// <summary>The <c>forloop</c> member this name reads, resolved once so loops avoid string matching.</summary>
    public ForLoopMember LoopMember { get; } = Name is null ? ForLoopMember.None : ForLoopObject.ParseMember(Name);
}

/// <summary><c>patient.name</c>, <c>items[0]</c>, <c>hash["key"]</c>, <c>list.size</c>, <c>[dynamic_name]</c>.</summary>
internal sealed class VariableExpression(
    string? rootName, int rootSlot, VariableBindings bindings, Expression? rootIndex, PathSegment[] segments, int position) : Expression(position)
{
    // The accessor last used by each segment for a registered .NET type. A template belongs to one
    // engine, so one registry; entries are immutable and swapped whole, which is safe across threads.
    private readonly CachedAccessor?[] _accessors = new CachedAccessor?[segments.Length];

    public string? RootName { get; } = rootName;

    public bool HasSegments => segments.Length > 0;

    public override LiquidValue Evaluate(LiquidRenderContext context)
    {
        LiquidValue value;
        if (rootSlot >= 0 && !bindings.IsBound(rootSlot) && context.TryGetCachedModelValue(rootSlot, out value, out var fromModel))
        {
            if (!fromModel)
            {
                return Missing(context, 0);
            }
        }
        else if ((rootSlot < 0 || !context.TryGetLocal(RootName!, out value)) && !TryGetRoot(context, out value))
        {
            return Missing(context, 0);
        }

        for (var i = 0; i < segments.Length; i++)
        {
            // Fast paths: the accessor this segment used last time for an object of the same type, and forloop.
            if (value.ObjectReference is { } instance)
            {
                if (_accessors[i] is { } cached && (cached.Accessor.TryGetExact(instance, out value) || cached.Matches(instance, ref value)))
                {
                    continue;
                }

                if (instance is ForLoopObject forLoop && segments[i].LoopMember != ForLoopMember.None)
                {
                    value = forLoop.Get(segments[i].LoopMember);
                    continue;
                }
            }

            if (!TryStep(context, i, ref value))
            {
                return Missing(context, i + 1);
            }
        }

        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryGetRoot(LiquidRenderContext context, out LiquidValue value)
    {
        var name = RootName ?? rootIndex!.Evaluate(context).AsString;
        if (name is null)
        {
            value = LiquidValue.Nil;
            return false;
        }

        return context.TryGetVariable(name, rootSlot, out value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryStep(LiquidRenderContext context, int i, ref LiquidValue value)
    {
        var segment = segments[i];
        if (segment.Name is not null && value.ObjectReference is { } instance)
        {
            if (segment.LoopMember != ForLoopMember.None && instance is ForLoopObject forLoop)
            {
                value = forLoop.Get(segment.LoopMember);
                return true;
            }

            if (instance is not ILiquidObject)
            {
                return TryGetRegisteredMember(context, i, instance, segment.Name, out value);
            }
        }

        return segment.Name is not null
            ? context.TryGetMember(value, segment.Name, allowCommands: true, out value)
            : context.TryGetIndex(value, segment.Index!.Evaluate(context), out value);
    }

    private bool TryGetRegisteredMember(LiquidRenderContext context, int segment, object instance, string name, out LiquidValue value)
    {
        var type = instance.GetType();
        var accessor = context.Options.Members.FindAccessor(type, name);
        if (accessor is null)
        {
            value = LiquidValue.Nil;
            return false;
        }

        _accessors[segment] = new CachedAccessor(type, accessor);
        value = accessor.Get(instance);
        return true;
    }

    private LiquidValue Missing(LiquidRenderContext context, int depth)
    {
        if (context.StrictVariables)
        {
            throw new LiquidRuntimeError($"Undefined variable '{Describe(depth)}'") { Position = Position };
        }

        return LiquidValue.Nil;
    }

    private string Describe(int depth)
    {
        var builder = new StringBuilder(RootName ?? "[…]");
        for (var i = 0; i < depth && i < segments.Length; i++)
        {
            if (segments[i].Name is { } name)
            {
                builder.Append('.').Append(name);
            }
            else
            {
                builder.Append("[…]");
            }
        }

        return builder.ToString();
    }
}

internal sealed record CachedAccessor(Type Type, MemberAccessor Accessor)
{
    /// <summary>The slower check for an instance of a type derived from the registered one.</summary>
    public bool Matches(object instance, ref LiquidValue value)
    {
        if (Type != instance.GetType())
        {
            return false;
        }

        value = Accessor.Get(instance);
        return true;
    }
}
