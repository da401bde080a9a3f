namespace Telemed.Liquid.Values;

/// <summary>
/// The .NET members templates may read, declared per type. There is no reflection: a type
/// that was not registered exposes nothing, and a registered type exposes only what was added.
/// </summary>
public sealed class LiquidMemberRegistry
{
    private readonly Dictionary<Type, LiquidTypeMembers> _types = [];

    public LiquidTypeMembers<T> Register<T>()
    {
        if (!_types.TryGetValue(typeof(T), out var members))
        {
            members = new LiquidTypeMembers<T>();
            _types[typeof(T)] = members;
        }

        return (LiquidTypeMembers<T>)members;
    }

    public LiquidMemberRegistry Register<T>(Action<LiquidTypeMembers<T>> configure)
    {
        configure(Register<T>());
        return this;
    }

    public bool IsRegistered(Type type) => Find(type) is not null;

    internal bool TryGetMember(object instance, string name, out LiquidValue value)
    {
        var members = Find(instance.GetType());
        if (members is null)
        {
            value = LiquidValue.Nil;
            return false;
        }

        return members.TryGet(instance, name, out value);
    }

    private LiquidTypeMembers? Find(Type type)
    {
        // Registration happens at start-up; renders only read, so a plain dictionary is safe here.
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (_types.TryGetValue(current, out var members))
            {
                return members;
            }
        }

        return null;
    }
}

public abstract class LiquidTypeMembers
{
    internal abstract bool TryGet(object instance, string name, out LiquidValue value);
}

public sealed class LiquidTypeMembers<T> : LiquidTypeMembers
{
    private readonly Dictionary<string, Func<T, LiquidValue>> _getters = new(StringComparer.Ordinal);

    /// <summary>Exposes a member whose value converts to a <see cref="LiquidValue"/> without boxing.</summary>
    public LiquidTypeMembers<T> Add(string name, Func<T, LiquidValue> getter)
    {
        _getters[name] = getter;
        return this;
    }

    /// <summary>Exposes a member holding another object, list or dictionary.</summary>
    public LiquidTypeMembers<T> AddObject(string name, Func<T, object?> getter)
    {
        _getters[name] = instance => LiquidValue.FromObject(getter(instance));
        return this;
    }

    internal override bool TryGet(object instance, string name, out LiquidValue value)
    {
        if (_getters.TryGetValue(name, out var getter))
        {
            value = getter((T)instance);
            return true;
        }

        value = LiquidValue.Nil;
        return false;
    }
}
