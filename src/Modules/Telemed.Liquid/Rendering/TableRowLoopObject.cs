using Telemed.Liquid.Values;

namespace Telemed.Liquid.Rendering;

/// <summary>The <c>tablerowloop</c> variable: <c>forloop</c>'s members plus the cell's row and column.</summary>
internal sealed class TableRowLoopObject(int length, long columns) : ILiquidObject
{
    private int _index;

    public long Row { get; private set; } = 1;

    public long Column { get; private set; } = 1;

    public bool IsLastColumn => Column == columns;

    public bool IsLast => _index == length - 1;

    public void Advance()
    {
        _index++;
        if (Column == columns)
        {
            Column = 1;
            Row++;
        }
        else
        {
            Column++;
        }
    }

    public bool TryGetMember(string name, out LiquidValue value)
    {
        value = name switch
        {
            "index" => LiquidValue.Create(_index + 1),
            "index0" => LiquidValue.Create(_index),
            "rindex" => LiquidValue.Create(length - _index),
            "rindex0" => LiquidValue.Create(length - _index - 1),
            "first" => LiquidValue.Create(_index == 0),
            "last" => LiquidValue.Create(IsLast),
            "length" => LiquidValue.Create(length),
            "row" => LiquidValue.Create(Row),
            "col" => LiquidValue.Create(Column),
            "col0" => LiquidValue.Create(Column - 1),
            "col_first" => LiquidValue.Create(Column == 1),
            "col_last" => LiquidValue.Create(IsLastColumn),
            _ => LiquidValue.Nil,
        };

        return !value.IsNil;
    }
}
