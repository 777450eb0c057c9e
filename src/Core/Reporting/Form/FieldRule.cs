namespace ParticipaBot.Core.Reporting.Form;

/// <summary>A rule a value must satisfy. Card builders read them too (maxLength, min, max, date bounds).</summary>
public abstract record FieldRule;

/// <summary>At most this many characters.</summary>
public sealed record MaxLengthRule(int Max) : FieldRule;

/// <summary>A date not after today (in Bogotá).</summary>
public sealed record NotInFutureRule : FieldRule;

/// <summary>A date inside the plan year (vigencia), extended by <paramref name="YearsAfter"/> years for due dates.</summary>
public sealed record WithinPlanYearRule(int YearsAfter = 0) : FieldRule;

/// <summary>At least this many selections (over every multi-choice part of the field).</summary>
public sealed record MinSelectionsRule(int Min) : FieldRule;

/// <summary>A number between the bounds, inclusive; whole numbers only when <paramref name="IntegerOnly"/>.</summary>
public sealed record NumberRangeRule(decimal Min, decimal Max, bool IntegerOnly) : FieldRule;

/// <summary>An absolute web address; https only unless <paramref name="HttpsOnly"/> is false.</summary>
public sealed record UrlRule(bool HttpsOnly = true, int MaxLength = 2000) : FieldRule;

/// <summary>The area must be one the reporting user may report for.</summary>
public sealed record AllowedAreaRule : FieldRule;

/// <summary>The space id must be a scheduled space the entity knows.</summary>
public sealed record KnownSpaceRule : FieldRule;

/// <summary>A list of at most this many entries.</summary>
public sealed record MaxEntriesRule(int Max) : FieldRule;
