using System.Runtime.CompilerServices;

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
        if (FindAccessor(instance.GetType(), name) is { } accessor)
        {
            value = accessor.Get(instance);
            return true;
        }

        value = LiquidValue.Nil;
        return false;
    }

    internal MemberAccessor? FindAccessor(Type type, string name) => Find(type)?.Find(name);

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
    internal abstract MemberAccessor? Find(string name);
}

/// <summary>Reads one exposed member of an instance; templates cache these per path segment.</summary>
internal abstract class MemberAccessor
{
    public abstract LiquidValue Get(object instance);

    /// <summary>Reads the member when the instance is exactly the registered type: the check templates repeat per read.</summary>
    public abstract bool TryGetExact(object instance, out LiquidValue value);
}

public sealed class LiquidTypeMembers<T> : LiquidTypeMembers
{
    private readonly Dictionary<string, MemberAccessor> _accessors = new(StringComparer.Ordinal);

    /// <summary>Exposes a member whose value converts to a <see cref="LiquidValue"/> without boxing.</summary>
    public LiquidTypeMembers<T> Add(string name, Func<T, LiquidValue> getter)
    {
        _accessors[name] = new Accessor(getter);
        return this;
    }

    /// <summary>Exposes a member holding another object, list or dictionary.</summary>
    public LiquidTypeMembers<T> AddObject(string name, Func<T, object?> getter)
    {
        return Add(name, instance => LiquidValue.FromObject(getter(instance)));
    }

    internal override MemberAccessor? Find(string name) => _accessors.GetValueOrDefault(name);

    private sealed class Accessor(Func<T, LiquidValue> getter) : MemberAccessor
    {
        public override LiquidValue Get(object instance) => getter((T)instance);

        public override bool TryGetExact(object instance, out LiquidValue value)
        {
            // Comparing with typeof(T) compiles to one method-table comparison, cheaper than GetType() and a cast.
            if (instance.GetType() != typeof(T))
            {
                value = default;
                return false;
            }

            value = getter(typeof(T).IsValueType ? (T)instance : Unsafe.As<object, T>(ref instance));
            return true;
        }
    }
}
