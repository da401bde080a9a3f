using System.Text;
using Telemed.Liquid.Rendering;
using Telemed.Liquid.Values;

namespace Telemed.Liquid.Filters;

/// <summary>Shopify's string filters, with Ruby's edge cases (negative offsets, empty patterns, trailing splits).</summary>
internal static class StringFilters
{
    internal static readonly LiquidFilter Capitalize = (input, _, _) => ChangeCase(input.ToString(), LetterCase.Capitalized);
    internal static readonly LiquidFilter Downcase = (input, _, _) => ChangeCase(input.ToString(), LetterCase.Lower);
    internal static readonly LiquidFilter Upcase = (input, _, _) => ChangeCase(input.ToString(), LetterCase.Upper);

    internal enum LetterCase
    {
        Upper,
        Lower,
        Capitalized,
    }

    public static void Register(LiquidFilterRegistry registry) => registry
        .Add("append", (input, args, context) => Concatenate(input, args[0], context), 1, 1)
        .Add("prepend", (input, args, context) => Concatenate(args[0], input, context), 1, 1)
        .Add("capitalize", Capitalize, 0, 0)
        .Add("downcase", Downcase, 0, 0)
        .Add("upcase", Upcase, 0, 0)
        .Add("strip", (input, _, _) => input.ToString().Trim(), 0, 0)
        .Add("lstrip", (input, _, _) => input.ToString().TrimStart(), 0, 0)
        .Add("rstrip", (input, _, _) => input.ToString().TrimEnd(), 0, 0)
        .Add("strip_newlines", (input, _, _) => input.ToString().Replace("\r\n", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal), 0, 0)
        .Add("replace", (input, args, _) => ReplaceAll(input.ToString(), args[0].ToString(), args[1].ToString()), 1, 2)
        .Add("replace_first", (input, args, _) => ReplaceFirst(input.ToString(), args[0].ToString(), args[1].ToString()), 1, 2)
        .Add("replace_last", (input, args, _) => ReplaceLast(input.ToString(), args[0].ToString(), args[1].ToString()), 2, 2)
        .Add("remove", (input, args, _) => ReplaceAll(input.ToString(), args[0].ToString(), string.Empty), 1, 1)
        .Add("remove_first", (input, args, _) => ReplaceFirst(input.ToString(), args[0].ToString(), string.Empty), 1, 1)
        .Add("remove_last", (input, args, _) => ReplaceLast(input.ToString(), args[0].ToString(), string.Empty), 1, 1)
        .Add("slice", Slice, 1, 2)
        .Add("split", (input, args, _) => Split(input.ToString(), args[0].ToString()), 1, 1)
        .Add("truncate", Truncate, 0, 2)
        .Add("truncatewords", TruncateWords, 0, 2)
        .Add("size", (input, _, _) => input.Size, 0, 0)
        .Add("default", Default, 0, 2);

    /// <summary>The fallback replaces nil, false and empty values; <c>allow_false: true</c> keeps false.</summary>
    private static LiquidValue Default(LiquidValue input, FilterArguments args, LiquidRenderContext context)
    {
        var missing = args["allow_false"].IsTruthy ? input.IsNil : !input.IsTruthy;
        return missing || input.IsEmptyValue ? (args.Count > 0 ? args[0] : LiquidValue.EmptyString) : input;
    }

    /// <summary>
    /// In HTML mode, joining a safe string (a capture, an escaped value) with another value encodes the
    /// other one and keeps the result safe, so nothing is encoded twice and nothing slips through raw.
    /// </summary>
    private static LiquidValue Concatenate(LiquidValue left, LiquidValue right, LiquidRenderContext context)
    {
        if (context.HtmlEncode && (left.IsSafe || right.IsSafe))
        {
            return LiquidValue.SafeString(SafeText(left) + SafeText(right));
        }

        return left.ToString() + right.ToString();
    }

    private static string SafeText(LiquidValue value) => value.IsSafe ? value.AsString! : HtmlEncoding.Encode(value.ToString());

    private static string ChangeCase(string text, LetterCase letterCase) =>
        text.Length == 0 ? text : string.Create(text.Length, (text, letterCase), static (span, state) => ChangeCase(state.text, span, state.letterCase));

    /// <summary>
    /// Writes a case filter's result straight into the output when it ends an output tag, instead of
    /// building a string; false when the input is not a string or needs HTML encoding (the filter then runs as usual).
    /// </summary>
    internal static bool TryWriteCase(LiquidValue input, LetterCase letterCase, OutputWriter output)
    {
        if (input.AsString is not { } text || (output.HtmlEncode && HtmlEncoding.NeedsEncoding(text)))
        {
            return false;
        }

        ChangeCase(text, output.GetSpan(text.Length), letterCase);
        output.Advance(text.Length);
        return true;
    }

    /// <summary>Invariant case mapping keeps the length, so the result always fits a span as long as the text.</summary>
    private static void ChangeCase(ReadOnlySpan<char> text, Span<char> destination, LetterCase letterCase)
    {
        if (letterCase == LetterCase.Upper)
        {
            text.ToUpperInvariant(destination);
            return;
        }

        text.ToLowerInvariant(destination);
        if (letterCase == LetterCase.Capitalized && text.Length > 0)
        {
            destination[0] = char.ToUpperInvariant(text[0]);
        }
    }

    private static string ReplaceAll(string text, string search, string replacement)
    {
        if (search.Length > 0)
        {
            return text.Replace(search, replacement, StringComparison.Ordinal);
        }

        // Ruby's gsub with an empty pattern inserts the replacement around every character.
        var builder = new StringBuilder(text.Length * (replacement.Length + 1) + replacement.Length);
        builder.Append(replacement);
        foreach (var c in text)
        {
            builder.Append(c).Append(replacement);
        }

        return builder.ToString();
    }

    private static string ReplaceFirst(string text, string search, string replacement)
    {
        var index = text.IndexOf(search, StringComparison.Ordinal);
        return index < 0 ? text : string.Concat(text.AsSpan(0, index), replacement, text.AsSpan(index + search.Length));
    }

    private static string ReplaceLast(string text, string search, string replacement)
    {
        var index = search.Length == 0 ? text.Length : text.LastIndexOf(search, StringComparison.Ordinal);
        return index < 0 ? text : string.Concat(text.AsSpan(0, index), replacement, text.AsSpan(index + search.Length));
    }

    /// <summary>Ruby's <c>slice(offset, length)</c>: negative offsets count from the end; out of range gives "" (or []).</summary>
    private static LiquidValue Slice(LiquidValue input, FilterArguments args, LiquidRenderContext context)
    {
        var offset = args[0].ToInteger();
        var length = args.Count > 1 && !args[1].IsNil ? args[1].ToInteger() : 1;
        if (input.Kind == LiquidValueKind.Array)
        {
            var items = input.AsArray!;
            if (!TryClamp(items.Count, offset, length, out var from, out var count))
            {
                return LiquidValue.Array();
            }

            context.CountIterations(count);
            var slice = new LiquidValue[count];
            for (var i = 0; i < count; i++)
            {
                slice[i] = items[from + i];
            }

            return slice;
        }

        var text = input.ToString();
        return TryClamp(text.Length, offset, length, out var start, out var take) ? text.Substring(start, take) : string.Empty;
    }

    private static bool TryClamp(int size, long offset, long length, out int start, out int count)
    {
        if (offset < 0)
        {
            offset += size;
        }

        start = (int)Math.Clamp(offset, 0, size);
        count = (int)Math.Clamp(length, 0, size - start);
        return offset >= 0 && offset <= size && length >= 0;
    }

    /// <summary>Ruby's <c>String#split</c>: a single space splits on runs of whitespace, and trailing empty items are dropped.</summary>
    internal static LiquidValue Split(string text, string separator)
    {
        string[] parts;
        if (separator == " ")
        {
            parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        }
        else if (separator.Length == 0)
        {
            parts = new string[text.Length];
            for (var i = 0; i < text.Length; i++)
            {
                parts[i] = text[i].ToString();
            }
        }
        else
        {
            parts = text.Split(separator);
        }

        var count = parts.Length;
        while (count > 0 && parts[count - 1].Length == 0)
        {
            count--;
        }

        var items = new LiquidValue[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = parts[i];
        }

        return items;
    }

    private static LiquidValue Truncate(LiquidValue input, FilterArguments args, LiquidRenderContext context)
    {
        if (input.IsNil)
        {
            return input;
        }

        var text = input.ToString();
        var length = args.Count > 0 ? args[0].ToInteger() : 50;
        var ellipsis = args.Count > 1 ? args[1].ToString() : "...";
        if (text.Length <= length)
        {
            return text;
        }

        var keep = (int)Math.Clamp(length - ellipsis.Length, 0, text.Length);
        return string.Concat(text.AsSpan(0, keep), ellipsis);
    }

    private static LiquidValue TruncateWords(LiquidValue input, FilterArguments args, LiquidRenderContext context)
    {
        if (input.IsNil)
        {
            return input;
        }

        var text = input.ToString();
        var words = Math.Max(args.Count > 0 ? args[0].ToInteger() : 15, 1);
        var ellipsis = args.Count > 1 ? args[1].ToString() : "...";
        var wordList = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (wordList.Length <= words)
        {
            return text;
        }

        return string.Join(' ', wordList, 0, (int)words) + ellipsis;
    }
}
