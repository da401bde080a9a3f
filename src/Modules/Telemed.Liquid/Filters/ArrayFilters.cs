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
        .Add("find_index", FindIndex, 1, 2)
        .Add("has", Has, 1, 2)
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

    /// <summary>
    /// Ruby's <c>item[property]</c> as map and the selecting filters use it: a hash key or an object's
    /// member; for text, the property itself when the text contains it (Ruby's <c>String#[]</c>). An
    /// integer cannot be indexed by name, which is an error; nil, booleans, floats and dates have no
    /// index at all (false is returned).
    /// </summary>
    private static bool TryIndex(LiquidValue item, string property, LiquidRenderContext context, out LiquidValue value)
    {
        switch (item.Kind)
        {
            case LiquidValueKind.Hash or LiquidValueKind.Object:
                value = Property(item, property, context);
                return true;
            case LiquidValueKind.String:
                value = item.AsString!.Contains(property, StringComparison.Ordinal) ? property : LiquidValue.Nil;
                return true;
            case LiquidValueKind.Integer:
                throw PropertyError(property);
            default:
                value = LiquidValue.Nil;
                return false;
        }
    }

    private static LiquidRuntimeError PropertyError(string property) => new($"cannot select the property '{property}'");

    private static LiquidValue Map(LiquidValue input, FilterArguments args, LiquidRenderContext context)
    {
        var property = args[0].ToString();
        var items = Items(input, context);
        var result = new LiquidValue[items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = property == "to_liquid" ? items[i] : TryIndex(items[i], property, context, out var value) ? value : LiquidValue.Nil;
        }

        return result;
    }

    /// <summary>
    /// The test shared by where, reject, find, find_index and has, as Ruby's <c>filter_array</c>: with a
    /// value, the item's property equals it (1 matches 1.0, not '1'); without one, or with nil, the
    /// property is truthy. Null when the item cannot be indexed, which makes the whole filter nil.
    /// </summary>
    private static bool? Matches(LiquidValue item, string property, LiquidValue target, LiquidRenderContext context)
    {
        if (!TryIndex(item, property, context, out var value))
        {
            return null;
        }

        if (target.IsNil)
        {
            return value.IsTruthy;
        }

        // Ruby's == against the empty and blank literals is never true.
        return target.Kind is not (LiquidValueKind.Empty or LiquidValueKind.Blank) && LiquidValue.LiquidEquals(value, target);
    }

    /// <summary><c>where</c> keeps the items that match, <c>reject</c> the items that do not; nil when an item has no properties.</summary>
    private static LiquidValue Select(LiquidValue input, FilterArguments args, LiquidRenderContext context, bool matching)
    {
        var property = args[0].ToString();
        var result = new List<LiquidValue>();
        foreach (var item in Items(input, context))
        {
            switch (Matches(item, property, args[1], context))
            {
                case null:
                    return LiquidValue.Nil;
                case var matched when matched == matching:
                    result.Add(item);
                    break;
            }
        }

        return LiquidValue.Create(result);
    }

    /// <summary>The index of the first item that matches, -1 when none does, or null when an item before it has no properties.</summary>
    private static int? IndexOfMatch(List<LiquidValue> items, FilterArguments args, LiquidRenderContext context)
    {
        var property = args[0].ToString();
        for (var i = 0; i < items.Count; i++)
        {
            switch (Matches(items[i], property, args[1], context))
            {
                case null:
                    return null;
                case true:
                    return i;
            }
        }

        return -1;
    }

    /// <summary><c>find</c>: the first matching item, or nil.</summary>
    private static LiquidValue Find(LiquidValue input, FilterArguments args, LiquidRenderContext context)
    {
        var items = Items(input, context);
        return IndexOfMatch(items, args, context) is >= 0 and var index ? items[index] : LiquidValue.Nil;
    }

    /// <summary><c>find_index</c>: the index of the first matching item, or nil.</summary>
    private static LiquidValue FindIndex(LiquidValue input, FilterArguments args, LiquidRenderContext context) =>
        IndexOfMatch(Items(input, context), args, context) is >= 0 and var index ? index : LiquidValue.Nil;

    /// <summary><c>has</c>: whether any item matches; false for an empty list, nil (as Ruby) when an item has no properties.</summary>
    private static LiquidValue Has(LiquidValue input, FilterArguments args, LiquidRenderContext context) =>
        IndexOfMatch(Items(input, context), args, context) is { } index ? index >= 0 : LiquidValue.Nil;

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
