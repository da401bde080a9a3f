using Telemed.Liquid.Values;

namespace Telemed.Liquid.Rendering;

/// <summary>The <c>forloop</c> variable: one instance per loop, advanced in place on each iteration.</summary>
internal sealed class ForLoopObject(string name, int length, ForLoopObject? parent) : ILiquidObject
{
    public int Index0 { get; set; }

    public int Length => length;

    public bool TryGetMember(string member, out LiquidValue value)
    {
        value = member switch
        {
            "index" => LiquidValue.Create(Index0 + 1),
            "index0" => LiquidValue.Create(Index0),
            "rindex" => LiquidValue.Create(length - Index0),
            "rindex0" => LiquidValue.Create(length - Index0 - 1),
            "first" => LiquidValue.Create(Index0 == 0),
            "last" => LiquidValue.Create(Index0 == length - 1),
            "length" => LiquidValue.Create(length),
            "name" => LiquidValue.Create(name),
            "parentloop" => parent is null ? LiquidValue.Nil : LiquidValue.Create(parent),
            _ => LiquidValue.Nil,
        };

        return member is "index" or "index0" or "rindex" or "rindex0" or "first" or "last" or "length" or "name" or "parentloop";
    }
}
