using Telemed.Liquid.Values;

namespace Telemed.Liquid.Rendering;

/// <summary>The <c>forloop</c> variable. One instance per loop depth is reused and advanced in place.</summary>
internal sealed class ForLoopObject : ILiquidObject
{
    private string _name = string.Empty;
    private ForLoopObject? _parent;

    public int Index0 { get; set; }

    public int Length { get; private set; }

    public void Start(string name, int length, ForLoopObject? parent)
    {
        _name = name;
        Length = length;
        _parent = parent;
        Index0 = 0;
    }

    public ForLoopObject Snapshot()
    {
        var copy = new ForLoopObject();
        copy.Start(_name, Length, _parent?.Snapshot());
        copy.Index0 = Index0;
        return copy;
    }

    public static ForLoopMember ParseMember(string name) => name switch
    {
        "index" => ForLoopMember.Index,
        "index0" => ForLoopMember.Index0,
        "rindex" => ForLoopMember.RIndex,
        "rindex0" => ForLoopMember.RIndex0,
        "first" => ForLoopMember.First,
        "last" => ForLoopMember.Last,
        "length" => ForLoopMember.Length,
        "name" => ForLoopMember.Name,
        "parentloop" => ForLoopMember.ParentLoop,
        _ => ForLoopMember.None,
    };

    public bool TryGetMember(string member, out LiquidValue value)
    {
        value = Get(ParseMember(member));
        return ParseMember(member) != ForLoopMember.None;
    }

    public LiquidValue Get(ForLoopMember member) => member switch
    {
        ForLoopMember.Index => LiquidValue.Create(Index0 + 1),
        ForLoopMember.Index0 => LiquidValue.Create(Index0),
        ForLoopMember.RIndex => LiquidValue.Create(Length - Index0),
        ForLoopMember.RIndex0 => LiquidValue.Create(Length - Index0 - 1),
        ForLoopMember.First => LiquidValue.Create(Index0 == 0),
        ForLoopMember.Last => LiquidValue.Create(Index0 == Length - 1),
        ForLoopMember.Length => LiquidValue.Create(Length),
        ForLoopMember.Name => LiquidValue.Create(_name),
        ForLoopMember.ParentLoop => _parent is null ? LiquidValue.Nil : LiquidValue.Create(_parent),
        _ => LiquidValue.Nil,
    };
}

internal enum ForLoopMember : byte
{
    None,
    Index,
    Index0,
    RIndex,
    RIndex0,
    First,
    Last,
    Length,
    Name,
    ParentLoop,
}
