using System.Runtime.CompilerServices;

// Stack buffers (dates, numbers) are always written before they are read, so the runtime need not
// zero them, nor the locals of the render loop, on every call.
[module: SkipLocalsInit]
