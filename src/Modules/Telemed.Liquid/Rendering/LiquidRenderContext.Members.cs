using Telemed.Liquid.Values;

namespace Telemed.Liquid.Rendering;

public sealed partial class LiquidRenderContext
{
    /// <summary>
    /// Reads <c>target.name</c>: a hash key, an exposed member of an object, or (when
    /// <paramref name="allowCommands"/>) <c>size</c>, <c>first</c> and <c>last</c>.
    /// </summary>
    public bool TryGetMember(LiquidValue target, string name, bool allowCommands, out LiquidValue value)
    {
        switch (target.Kind)
        {
            case LiquidValueKind.Hash:
                var hash = target.AsHash!;
                if (hash.TryGetValue(name, out value))
                {
                    return true;
                }

                if (allowCommands && name == "size")
                {
                    value = LiquidValue.Create(hash.Count);
                    return true;
                }

                break;
            case LiquidValueKind.Object:
                var instance = target.ObjectReference!;
                return instance is ILiquidObject liquidObject
                    ? liquidObject.TryGetMember(name, out value)
                    : Engine.Options.Members.TryGetMember(instance, name, out value);
            case LiquidValueKind.Array when allowCommands:
                var items = target.AsArray!;
                switch (name)
                {
                    case "size":
                        value = LiquidValue.Create(items.Count);
                        return true;
                    case "first":
                        value = items.Count > 0 ? items[0] : LiquidValue.Nil;
                        return true;
                    case "last":
                        value = items.Count > 0 ? items[^1] : LiquidValue.Nil;
                        return true;
                }

                break;
            case LiquidValueKind.String when allowCommands && name == "size":
                value = LiquidValue.Create(target.AsString!.Length);
                return true;
        }

        value = LiquidValue.Nil;
        return false;
    }

    public bool TryGetMember(LiquidValue target, string name, out LiquidValue value) =>
        TryGetMember(target, name, allowCommands: false, out value);

    /// <summary>Reads <c>target[key]</c>: an array index (negative counts from the end) or a key.</summary>
    internal bool TryGetIndex(LiquidValue target, LiquidValue key, out LiquidValue value)
    {
        if (target.Kind == LiquidValueKind.Array && key.Kind == LiquidValueKind.Integer)
        {
            var items = target.AsArray!;
            var index = key.AsInteger < 0 ? items.Count + key.AsInteger : key.AsInteger;
            value = index >= 0 && index < items.Count ? items[(int)index] : LiquidValue.Nil;
            return true;
        }

        if (key.Kind == LiquidValueKind.String)
        {
            return TryGetMember(target, key.AsString!, allowCommands: false, out value);
        }

        value = LiquidValue.Nil;
        return false;
    }
}
