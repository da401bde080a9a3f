namespace Telemed.Liquid.Values;

public readonly partial struct LiquidValue
{
    /// <summary>Liquid's <c>==</c>: numbers by value across integer and float, <c>empty</c> and <c>blank</c> as predicates.</summary>
    public static bool LiquidEquals(LiquidValue left, LiquidValue right)
    {
        // The usual comparison in a template: a string against a literal.
        if (left._object is string leftText && right._object is string rightText)
        {
            return string.Equals(leftText, rightText, StringComparison.Ordinal);
        }

        if (left.Kind == LiquidValueKind.Empty)
        {
            return right.Kind == LiquidValueKind.Empty || right.IsEmptyValue;
        }

        if (right.Kind == LiquidValueKind.Empty)
        {
            return left.IsEmptyValue;
        }

        if (left.Kind == LiquidValueKind.Blank)
        {
            return right.Kind == LiquidValueKind.Blank || right.IsBlankValue;
        }

        if (right.Kind == LiquidValueKind.Blank)
        {
            return left.IsBlankValue;
        }

        if (left.IsNumber && right.IsNumber)
        {
            return left.Kind == LiquidValueKind.Integer && right.Kind == LiquidValueKind.Integer
                ? left._bits == right._bits
                : left.AsFloat == right.AsFloat;
        }

        if (left.Kind != right.Kind)
        {
            return false;
        }

        return left.Kind switch
        {
            LiquidValueKind.Nil => true,
            LiquidValueKind.Boolean => left._bits == right._bits,
            LiquidValueKind.DateTime => left._bits == right._bits,
            LiquidValueKind.Array => ArraysEqual((IReadOnlyList<LiquidValue>)left._object!, (IReadOnlyList<LiquidValue>)right._object!),
            _ => ReferenceEquals(left._object, right._object),
        };
    }

    /// <summary>
    /// Orders two values for <c>&lt;</c>, <c>&gt;</c> and sorting. Returns null when either side is nil
    /// (the comparison is then false, as in Ruby), and throws for values of unrelated types.
    /// </summary>
    public static int? Compare(LiquidValue left, LiquidValue right)
    {
        if (left.IsNumber && right.IsNumber)
        {
            return left.Kind == LiquidValueKind.Integer && right.Kind == LiquidValueKind.Integer
                ? left._bits.CompareTo(right._bits)
                : left.AsFloat.CompareTo(right.AsFloat);
        }

        if (left.Kind == LiquidValueKind.String && right.Kind == LiquidValueKind.String)
        {
            return string.CompareOrdinal((string)left._object!, (string)right._object!);
        }

        if (left.Kind == LiquidValueKind.DateTime && right.Kind == LiquidValueKind.DateTime)
        {
            return left._bits.CompareTo(right._bits);
        }

        if (left.IsNil || right.IsNil || left.Kind is LiquidValueKind.Empty or LiquidValueKind.Blank || right.Kind is LiquidValueKind.Empty or LiquidValueKind.Blank)
        {
            return null;
        }

        throw new LiquidRuntimeError($"Cannot compare {Describe(left)} with {Describe(right)}");
    }

    /// <summary>
    /// Liquid's <c>contains</c>, as Ruby's: false when either side is nil, false or undefined; otherwise
    /// a substring of a string (the item as text), an item of an array or a key of a hash.
    /// </summary>
    public static bool Contains(LiquidValue container, LiquidValue item)
    {
        if (!container.IsTruthy || !item.IsTruthy)
        {
            return false;
        }

        switch (container.Kind)
        {
            case LiquidValueKind.String:
                return ((string)container._object!).Contains(item.ToString(), StringComparison.Ordinal);
            case LiquidValueKind.Array:
                if (item.Kind is LiquidValueKind.Empty or LiquidValueKind.Blank)
                {
                    return false;
                }

                foreach (var element in (IReadOnlyList<LiquidValue>)container._object!)
                {
                    if (LiquidEquals(element, item))
                    {
                        return true;
                    }
                }

                return false;
            case LiquidValueKind.Hash:
                return item.Kind == LiquidValueKind.String && ((LiquidObject)container._object!).ContainsKey((string)item._object!);
            default:
                return false;
        }
    }

    internal static string Describe(LiquidValue value) => value.Kind switch
    {
        LiquidValueKind.String => $"'{value._object}'",
        LiquidValueKind.Integer or LiquidValueKind.Float or LiquidValueKind.Boolean => value.ToString(),
        LiquidValueKind.DateTime => "a date",
        LiquidValueKind.Array => "a list",
        LiquidValueKind.Hash or LiquidValueKind.Object => "an object",
        _ => "nil",
    };

    private static bool ArraysEqual(IReadOnlyList<LiquidValue> left, IReadOnlyList<LiquidValue> right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (!LiquidEquals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }
}
