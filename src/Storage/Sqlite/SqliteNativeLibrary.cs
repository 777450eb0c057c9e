using System.Runtime.InteropServices;

namespace ParticipaBot.Storage.Sqlite;

/// <summary>
/// Chooses the SQLite engine once per process. The bundled engine (SQLitePCLRaw.lib.e_sqlite3 2.0.6, SQLite 3.35.5) is
/// built without usleep, so a reader that has to retry for a WAL snapshot while the writer commits sleeps a whole
/// second; under load that was a few one-second turns a minute. The operating system's libsqlite3 (Debian 12: 3.40.1)
/// sleeps microseconds, so <see cref="SqliteLibrary.Auto"/> prefers it and falls back to the bundled one.
/// </summary>
public static class SqliteNativeLibrary
{
    private const string BundledName = "e_sqlite3";

    // The minimum engine the store needs: JSON functions built in and the WAL behaviour its tests prove.
    private const int MinimumVersionNumber = 3_035_000;

    private static readonly string[] SystemNames = ["libsqlite3.so.0", "libsqlite3.so", "libsqlite3.0.dylib", "sqlite3"];
    private static readonly Lock s_gate = new();
    private static bool s_initialized;

    /// <summary>The engine in use: "system 3.40.1 (libsqlite3.so.0)" or "bundled 3.35.5"; null before the first store.</summary>
    public static string? Description { get; private set; }

    /// <summary>
    /// Loads the engine the first time a store is opened; later calls keep the first choice (one engine per process).
    /// </summary>
    public static void Initialize(SqliteLibrary preference)
    {
        lock (s_gate)
        {
            if (s_initialized)
            {
                return;
            }

            string? systemName = null;
            if (preference != SqliteLibrary.Bundled)
            {
                systemName = FindSystemLibrary();
                if (systemName is null && preference == SqliteLibrary.System)
                {
                    throw new StoreUnavailableException(
                        "Storage:SqliteLibrary=System: no se encontró libsqlite3 (3.35 o posterior) en el sistema; instale libsqlite3-0 o use Auto / "
                        + "no libsqlite3 (3.35 or later) was found on this system; install libsqlite3-0 or use Auto.");
                }
            }

            if (systemName is not null)
            {
                // The provider imports "e_sqlite3"; the system library exports the same C API under its own file name.
                NativeLibrary.SetDllImportResolver(typeof(SQLitePCL.SQLite3Provider_e_sqlite3).Assembly, (name, assembly, path) =>
                    name == BundledName && NativeLibrary.TryLoad(systemName, out var handle) ? handle : IntPtr.Zero);
            }

            SQLitePCL.Batteries_V2.Init();
            var version = SQLitePCL.raw.sqlite3_libversion().utf8_to_string();
            Description = systemName is null ? $"bundled {version}" : $"system {version} ({systemName})";
            s_initialized = true;
        }
    }

    /// <summary>The first system library that loads and is recent enough, probed without keeping it loaded.</summary>
    private static string? FindSystemLibrary()
    {
        foreach (var name in SystemNames)
        {
            if (!NativeLibrary.TryLoad(name, out var handle))
            {
                continue;
            }

            try
            {
                if (NativeLibrary.TryGetExport(handle, "sqlite3_libversion_number", out var export)
                    && LibVersionNumber(export) >= MinimumVersionNumber)
                {
                    return name;
                }
            }
            finally
            {
                NativeLibrary.Free(handle);
            }
        }

        return null;
    }

    private static int LibVersionNumber(IntPtr export) => Marshal.GetDelegateForFunctionPointer<VersionNumber>(export)();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int VersionNumber();
}

/// <summary>Which SQLite engine the embedded store runs on (<c>Storage:SqliteLibrary</c>).</summary>
public enum SqliteLibrary
{
    /// <summary>The operating system's libsqlite3 when it is there and recent enough, else the bundled one.</summary>
    Auto,

    /// <summary>The operating system's libsqlite3; start-up fails clearly when it is missing.</summary>
    System,

    /// <summary>The engine shipped with the application (SQLite 3.35.5, one-second waits under write contention).</summary>
    Bundled,
}
