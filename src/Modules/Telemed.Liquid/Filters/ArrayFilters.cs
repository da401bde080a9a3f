using Telemed.Liquid.Rendering;
using Telemed.Liquid.Values;

namespace Telemed.Liquid.Filters;

/// <summary>Shopify's array filters. Work over a collection is charged to the loop limit.</summary>
internal static class ArrayFilters
{
    public static void Register(LiquidFilterRegistry registry) => registry
        .Add("join", Join, 0, 1)
        .Add("first", (input, _, _) => input.AsArray is { Count: > 0 } items ? items[0] : LiquidValue.Nil, 0, 0)
        .Add("last", (input, _, _) => input.AsArray is { Count: > 0 } items ? items[^1] : LiquidValue.Nil, 0, 0)
        .Add("map", Map, 1, 1)
        .Add("where", (input, args, context) => Select(input, args, context, matching: true), 1, 2)
        .Add("reject", (input, args, context) => Select(input, args, context, matching: false), 1, 2)
        .Add("find", Find, 1, 2)
        .Add("find_index", (input, args, context) => IndexOfMatch(Items(input, context), args, context) is var index and >= 0 ? index : LiquidValue.Nil, 1, 2)
        .Add("has", (input, args, context) => IndexOfMatch(Items(input, context), args, context) >= 0, 1, 2)
        .Add("sort", (input, args, context) => Sort(input, args, context, natural: false), 0, 1)
        .Add("sort_natural", (input, args, context) => Sort(input, args, context, natural: true), 0, 1)
        .Add("uniq", Uniq, 0, 1)
        .Add("reverse", Reverse, 0, 0)
        .Add("compact", Compact, 0, 1)
        .Add("concat", Concat, 1, 1)
        .Add("sum", Sum, 0, 1);

    /// <summary>Ruby Liquid's input iterator: nested arrays are flattened, nil is empty, a single value is a list of one.</summary>
    internal static List<LiquidValue> Items(LiquidValue input, LiquidRenderContext context)
    {
        var items = new List<LiquidValue>();
        Flatten(input, items, context);
        return items;
    }

    private static void Flatten(LiquidValue input, List<LiquidValue> items, LiquidRenderContext context)
    {
        if (input.IsNil)
        {
            return;
        }

        if (input.AsArray is not { } array)
        {
            items.Add(input);
            return;
        }

        context.CountIterations(array.Count);
        foreach (var item in array)
        {
            if (item.Kind == LiquidValueKind.Array)
            {
                Flatten(item, items, context);
            }
            else
            {
                items.Add(item);
            }
        }
    }

    private static LiquidValue Join(LiquidValue input, FilterArguments args, LiquidRenderContext context)
    {
        var separator = args.Count > 0 ? args[0].ToString() : " ";
        var items = Items(input, context);
        var parts = new string[items.Count];
        var length = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = items[i].ToString();
            length += parts[i].Length + separator.Length;
            context.CheckStringLength(length);
        }

        return string.Join(separator, parts);
    }

    private static LiquidValue Property(LiquidValue item, string property, LiquidRenderContext context) =>
        context.TryGetMember(item, property, allowCommands: false, out var value) ? value : LiquidValue.Nil;

    private static LiquidValue Map(LiquidValue input, FilterArguments args, LiquidRenderContext context)
    {
        var property = args[0].ToString();
        var items = Items(input, context);
        var result = new LiquidValue[items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Property(items[i], property, context);
        }

        return result;
    }

    /// <summary>
    /// The test shared by where, reject, find, find_index and has: with a value, the item's property equals it
    /// as in a Liquid comparison (1 matches 1.0, not '1'); without one, or with nil, the property is truthy.
    /// </summary>
    private static bool Matches(LiquidValue item, string property, LiquidValue target, LiquidRenderContext context)
    {
        var value = Property(item, property, context);
        return target.IsNil ? value.IsTruthy : LiquidValue.LiquidEquals(value, target);
    }

    /// <summary><c>where</c> keeps the items that match, <c>reject</c> the items that do not.</summary>
    private static LiquidValue Select(LiquidValue input, FilterArguments args, LiquidRenderContext context, bool matching)
    {
        var property = args[0].ToString();
        var result = new List<LiquidValue>();
        foreach (var item in Items(input, context))
        {
            if (Matches(item, property, args[1], context) == matching)
            {
                result.Add(item);
            }
        }

        return LiquidValue.Create(result);
    }

    /// <summary>The index of the first item that matches, or -1; the search stops there.</summary>
    private static int IndexOfMatch(List<LiquidValue> items, FilterArguments args, LiquidRenderContext context)
    {
        var property = args[0].ToString();
        for (var i = 0; i < items.Count; i++)
        {
            if (Matches(items[i], property, args[1], context))
            {
                return i;
            }
        }

        return -1;
    }

    private static LiquidValue Find(LiquidValue input, FilterArguments args, LiquidRenderContext context)
    {
        var items = Items(input, context);
        var index = IndexOfMatch(items, args, context);
        return index >= 0 ? items[index] : LiquidValue.Nil;
    }

    private static LiquidValue Sort(LiquidValue input, FilterArguments args, LiquidRenderContext context, bool natural)
    {
        var items = Items(input, context);
        var property = args.Count > 0 && !args[0].IsNil ? args[0].ToString() : null;
        var keys = new (LiquidValue Key, int Index)[items.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (property is null ? items[i] : Property(items[i], property, context), i);
        }

        // Nils sort last; ties keep their order so the result is stable.
        try
        {
            Array.Sort(keys, (a, b) => CompareForSort(a, b, natural));
        }
        catch (InvalidOperationException error) when (error.InnerException is LiquidRuntimeError inner)
        {
            throw new LiquidRuntimeError(inner.Message);
        }

        var result = new LiquidValue[keys.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = items[keys[i].Index];
        }

        return result;
    }

    private static int CompareForSort((LiquidValue Key, int Index) a, (LiquidValue Key, int Index) b, bool natural)
    {
        var order = a.Key.IsNil || b.Key.IsNil
            ? (a.Key.IsNil ? 1 : 0) - (b.Key.IsNil ? 1 : 0)
            : natural
                ? string.Compare(a.Key.ToString(), b.Key.ToString(), StringComparison.OrdinalIgnoreCase)
                : LiquidValue.Compare(a.Key, b.Key) ?? 0;
        return order != 0 ? order : a.Index.CompareTo(b.Index);
    }

    private static LiquidValue Uniq(LiquidValue input, FilterArguments args, LiquidRenderContext context)
    {
        var property = args.Count > 0 && !args[0].IsNil ? args[0].ToString() : null;
        var seen = new List<LiquidValue>();
        var result = new List<LiquidValue>();
        foreach (var item in Items(input, context))
        {
            var key = property is null ? item : Property(item, property, context);
            if (!seen.Exists(existing => existing.Kind == key.Kind && LiquidValue.LiquidEquals(existing, key)))
            {
                seen.Add(key);
                result.Add(item);
            }
        }

        return LiquidValue.Create(result);
    }

    private static LiquidValue Reverse(LiquidValue input, FilterArguments args, LiquidRenderContext context)
    {
        var items = Items(input, context);
        items.Reverse();
        return LiquidValue.Create(items);
    }

    private static LiquidValue Compact(LiquidValue input, FilterArguments args, LiquidRenderContext context)
    {
        var property = args.Count > 0 && !args[0].IsNil ? args[0].ToString() : null;
        var items = Items(input, context);
        items.RemoveAll(item => (property is null ? item : Property(item, property, context)).IsNil);
        return LiquidValue.Create(items);
    }

    private static LiquidValue Concat(LiquidValue input, FilterArguments args, LiquidRenderContext context)
    {
        if (args[0].AsArray is not { } other)
        {
            throw new LiquidRuntimeError("concat filter requires an array argument");
        }

        var items = Items(input, context);
        context.CountIterations(other.Count);
        items.AddRange(other);
        return LiquidValue.Create(items);
    }

    private static LiquidValue Sum(LiquidValue input, FilterArguments args, LiquidRenderContext context)
    {
        var property = args.Count > 0 && !args[0].IsNil ? args[0].ToString() : null;
        LiquidValue total = 0;
        foreach (var item in Items(input, context))
        {
            var value = property is null ? item : Property(item, property, context);
            total = MathFilters.Add(total, value.IsNumber || value.Kind == LiquidValueKind.String ? value : 0);
        }

        return total;
    }
}
