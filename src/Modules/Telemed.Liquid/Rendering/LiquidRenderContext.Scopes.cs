using System.Runtime.CompilerServices;
using Telemed.Liquid.Values;

namespace Telemed.Liquid.Rendering;

public sealed partial class LiquidRenderContext
{
    private LocalVariable[] _locals = [];
    private int _localCount;
    private LiquidObject? _assigned;
    private Dictionary<string, long>? _counters;
    private ForLoopObject?[] _loops = [];
    private int _loopDepth;

    // What the model holds for each root variable name of the template, read once per render
    // (0 = not read yet, 1 = found, 2 = missing). Partials have no model and keep these empty.
    private LiquidValue[] _modelValues = [];
    private byte[] _modelStates = [];

    // Inside an include, names come from two templates and are compared by value, not by reference.
    private bool _namesByValue;

    internal int LocalCount => _localCount;

    /// <summary>The innermost running <c>for</c> loop, the <c>parentloop</c> of a loop starting now.</summary>
    internal ForLoopObject? CurrentForLoop => _loopDepth > 0 ? _loops[_loopDepth - 1] : null;

    /// <summary>
    /// Looks a variable up: loop variables first, then assigned ones, then counters, then the model.
    /// Names written in the template are interned per template (<paramref name="slot"/> ≥ 0), so loop
    /// variables match by reference; names computed at render time are compared by value.
    /// </summary>
    internal bool TryGetVariable(string name, int slot, out LiquidValue value)
    {
        for (var i = _localCount - 1; i >= 0; i--)
        {
            if ((object)_locals[i].Name == name || ((slot < 0 || _namesByValue) && _locals[i].Name == name))
            {
                value = _locals[i].Value;
                return true;
            }
        }

        // The dictionaries survive between renders (cleared), so test their size before hashing the name.
        if (_assigned is { Count: > 0 } && _assigned.TryGetValue(name, out value))
        {
            return true;
        }

        if (_counters is { Count: > 0 } && _counters.TryGetValue(name, out var counter))
        {
            value = LiquidValue.Create(counter);
            return true;
        }

        if ((uint)slot >= (uint)_modelStates.Length)
        {
            return TryGetMember(_model, name, allowCommands: false, out value);
        }

        switch (_modelStates[slot])
        {
            case 1:
                value = _modelValues[slot];
                return true;
            case 2:
                value = LiquidValue.Nil;
                return false;
        }

        var found = TryGetMember(_model, name, allowCommands: false, out value);
        _modelValues[slot] = value;
        _modelStates[slot] = found ? (byte)1 : (byte)2;
        return found;
    }

    /// <summary>A loop variable by its interned name (a reference comparison per variable in scope).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryGetLocal(string name, out LiquidValue value)
    {
        var locals = _locals;
        for (var i = _localCount - 1; i >= 0; i--)
        {
            if ((object)locals[i].Name == name)
            {
                value = locals[i].Value;
                return true;
            }
        }

        if (_namesByValue)
        {
            return TryGetLocalByValue(name, out value);
        }

        value = default;
        return false;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryGetLocalByValue(string name, out LiquidValue value)
    {
        for (var i = _localCount - 1; i >= 0; i--)
        {
            if (_locals[i].Name == name)
            {
                value = _locals[i].Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The model's value for a root name already read in this render, if any (partials have none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryGetCachedModelValue(int slot, out LiquidValue value, out bool found)
    {
        if ((uint)slot < (uint)_modelStates.Length && _modelStates[slot] is var state and not 0)
        {
            found = state == 1;
            value = _modelValues[slot];
            return true;
        }

        value = default;
        found = false;
        return false;
    }

    private void PrepareModelSlots(int count)
    {
        if (_modelStates.Length < count)
        {
            _modelStates = new byte[count];
            _modelValues = new LiquidValue[count];
        }
    }

    private void ClearModelSlots()
    {
        Array.Clear(_modelStates);
        Array.Clear(_modelValues);
    }

    /// <summary>Assigns in the template's outermost scope, as <c>assign</c> and <c>capture</c> do.</summary>
    internal void Assign(string name, LiquidValue value)
    {
        // A loop's forloop object is reused by later loops, so what is kept is a copy of its state now.
        if (value.ObjectReference is ForLoopObject forLoop)
        {
            value = LiquidValue.Create(forLoop.Snapshot());
        }

        (_assigned ??= new LiquidObject())[name] = value;
    }

    internal void PushLocal(string name, LiquidValue value)
    {
        if (_localCount == _locals.Length)
        {
            Array.Resize(ref _locals, Math.Max(8, _locals.Length * 2));
        }

        _locals[_localCount++] = new LocalVariable(name, value);
    }

    internal void SetLocal(int index, LiquidValue value) => _locals[index].Value = value;

    internal void PopLocals(int count)
    {
        Array.Clear(_locals, count, _localCount - count);
        _localCount = count;
    }

    /// <summary>Starts a loop's <c>forloop</c> object, reusing the one of an earlier loop at the same depth.</summary>
    internal ForLoopObject EnterLoop(string name, int length)
    {
        if (_loopDepth == _loops.Length)
        {
            Array.Resize(ref _loops, Math.Max(4, _loops.Length * 2));
        }

        var forLoop = _loops[_loopDepth] ??= new ForLoopObject();
        forLoop.Start(name, length, CurrentForLoop);
        _loopDepth++;
        return forLoop;
    }

    internal void ExitLoop() => _loopDepth--;

    /// <summary>Increments (or decrements) a counter, separate from assigned variables as in Shopify.</summary>
    internal long Step(string name, int delta)
    {
        _counters ??= new Dictionary<string, long>(StringComparer.Ordinal);
        _counters.TryGetValue(name, out var value);
        _counters[name] = value + delta;
        return value;
    }

    private void ClearScopes()
    {
        PopLocals(0);
        _namesByValue = false;
        ClearModelSlots();
        _assigned?.Clear();
        _counters?.Clear();
        for (var i = 0; i < _loopDepth; i++)
        {
            _loops[i]!.Start(string.Empty, 0, null);
        }

        _loopDepth = 0;
    }

    private struct LocalVariable(string name, LiquidValue value)
    {
        public readonly string Name = name;
        public LiquidValue Value = value;
    }
}
