namespace Telemed.Liquid.Values;

/// <summary>
/// An object that decides itself which members a template may read. Nothing else of the
/// implementing type is reachable from a template.
/// </summary>
public interface ILiquidObject
{
    bool TryGetMember(string name, out LiquidValue value);
}
