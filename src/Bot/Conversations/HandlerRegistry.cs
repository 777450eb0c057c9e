using ParticipaBot.Core.Text;

namespace ParticipaBot.Bot.Conversations;

/// <summary>
/// Indexes the registered handlers by folded command name, card verb and invoke name. Two handlers claiming the same
/// name or verb is a wiring error and fails at start-up; a placeholder command gives way to the real handler of its id.
/// Built once: the index keeps each handler's type, and a turn resolves from its own scope only the handler it needs
/// (resolving every handler's dependencies on every turn was a tenth of a turn's cost; docs/benchmarks.md).
/// </summary>
internal sealed class HandlerRegistry
{
    private readonly Dictionary<string, ICommandHandler> _commandsById = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string FoldedName, ICommandHandler Handler)> _commandNames = [];
    private readonly Dictionary<string, ICardActionHandler> _cardActions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IInvokeHandler> _invokes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _repeatSafeVerbs = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Over handler instances (tests); <see cref="Resolve{THandler}"/> returns them as they are.</summary>
    public HandlerRegistry(IEnumerable<ICommandHandler> commands, IEnumerable<ICardActionHandler> cardActions, IEnumerable<IInvokeHandler> invokes)
    {
        var all = commands.ToList();
        foreach (var command in all.Where(c => c is not PlannedCommandHandler || !all.Any(o => o is not PlannedCommandHandler && o.Command.Id == c.Command.Id)))
        {
            if (!_commandsById.TryAdd(command.Command.Id, command))
            {
                throw new InvalidOperationException($"Two command handlers use the id '{command.Command.Id}'.");
            }

            foreach (var name in command.Command.AllNames.Select(TextFolding.Fold).Distinct(StringComparer.Ordinal))
            {
                if (_commandNames.Any(n => n.FoldedName == name))
                {
                    throw new InvalidOperationException($"Two command handlers use the name '{name}'.");
                }

                _commandNames.Add((name, command));
            }
        }

        // Longest names first, so "mis pendientes" wins over a shorter name that is its prefix.
        _commandNames.Sort((a, b) => b.FoldedName.Length.CompareTo(a.FoldedName.Length));

        foreach (var handler in cardActions)
        {
            foreach (var verb in handler.Verbs)
            {
                if (_commandsById.ContainsKey(verb) || !_cardActions.TryAdd(verb, handler))
                {
                    throw new InvalidOperationException($"The card verb '{verb}' is claimed twice (by a card action handler or a command id).");
                }
            }

            foreach (var verb in handler.RepeatSafeVerbs)
            {
                if (!handler.Verbs.Contains(verb, StringComparer.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"The repeat-safe verb '{verb}' is not one of its handler's verbs.");
                }

                _repeatSafeVerbs.Add(verb);
            }
        }

        foreach (var handler in invokes)
        {
            if (!_invokes.TryAdd(handler.Name, handler))
            {
                throw new InvalidOperationException($"Two invoke handlers use the name '{handler.Name}'.");
            }
        }

        Commands = [.. _commandsById.Values.Select(h => h.Command).OrderBy(c => c.Order).ThenBy(c => c.Id, StringComparer.Ordinal)];
        _repeatSafeVerbs.UnionWith(Commands.Where(c => c.RepeatSafe).Select(c => c.Id));
    }

    /// <summary>Every command, in help order.</summary>
    public IReadOnlyList<CommandDescriptor> Commands { get; }

    /// <summary>Matches "name" or "name arguments" ignoring case, accents and extra spaces; a leading "/" is allowed.</summary>
    public bool TryMatchCommand(string text, out ICommandHandler? handler, out string arguments)
    {
        var trimmed = text.TrimStart('/');
        var folded = TextFolding.Fold(trimmed);
        foreach (var (name, candidate) in _commandNames)
        {
            if (folded == name)
            {
                handler = candidate;
                arguments = string.Empty;
                return true;
            }

            if (folded.StartsWith(name + " ", StringComparison.Ordinal))
            {
                handler = candidate;
                arguments = SkipWords(trimmed, name.Split(' ').Length);
                return true;
            }
        }

        handler = null;
        arguments = string.Empty;
        return false;
    }

    public ICommandHandler? FindCommand(string id) => _commandsById.GetValueOrDefault(id);

    /// <summary>Whether a button with this verb may run twice without a redelivery receipt (<see cref="ICardActionHandler.RepeatSafeVerbs"/>).</summary>
    public bool IsRepeatSafe(string verb) => _repeatSafeVerbs.Contains(verb);

    public ICardActionHandler? FindCardAction(string verb) => _cardActions.GetValueOrDefault(verb);

    public IInvokeHandler? FindInvoke(string name) => _invokes.GetValueOrDefault(name);

    /// <summary>The turn's own instance of a handler found in the index (the same instance for a stand-in).</summary>
    public static THandler Resolve<THandler>(THandler found, IServiceProvider turnServices)
        where THandler : class =>
        found is TypeOnly typeOnly ? (THandler)turnServices.GetRequiredService(typeOnly.HandlerType) : found;

    /// <summary>From the container: the handlers of one throwaway scope, indexed by their types.</summary>
    public static HandlerRegistry FromContainer(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        return new HandlerRegistry(
            [.. services.GetServices<ICommandHandler>().Select(h => h is PlannedCommandHandler ? h : new TypeOnly(h))],
            [.. services.GetServices<ICardActionHandler>().Select(h => new TypeOnly(h))],
            [.. services.GetServices<IInvokeHandler>().Select(h => new TypeOnly(h))]);
    }

    /// <summary>What the index keeps of a scoped handler: its names and verbs, and its type, to resolve per turn.</summary>
    private sealed class TypeOnly(object handler) : ICommandHandler, ICardActionHandler, IInvokeHandler
    {
        public Type HandlerType { get; } = handler.GetType();

        public CommandDescriptor Command { get; } = (handler as ICommandHandler)?.Command!;

        public IReadOnlyCollection<string> Verbs { get; } = (handler as ICardActionHandler)?.Verbs ?? [];

        public IReadOnlyCollection<string> RepeatSafeVerbs { get; } = (handler as ICardActionHandler)?.RepeatSafeVerbs ?? [];

        public string Name { get; } = (handler as IInvokeHandler)?.Name ?? string.Empty;

        public Task HandleAsync(TurnContext context) => throw Unresolved();

        public Task HandleAsync(TurnContext context, CardAction action) => throw Unresolved();

        private InvalidOperationException Unresolved() => new($"{HandlerType.Name} must be resolved for the turn first.");
    }

    private static string SkipWords(string text, int count)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Skip(count));
    }
}
