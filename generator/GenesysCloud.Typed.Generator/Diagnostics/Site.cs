namespace GenesysCloud.Typed.Generator.Diagnostics;

/// <summary>Where a member's problem is reported, named without a symbol (the rules read only facts): the analyzer turns it
/// into a location (<see cref="Reading.SiteLocations"/>); the generator, which reports nothing, never needs to.</summary>
/// <param name="Parameter">The parameter's index, for <see cref="SiteKind.Parameter"/> and <see cref="SiteKind.Query"/>.</param>
internal readonly record struct Site(SiteKind Kind, int Parameter = -1)
{
    public static readonly Site Member = new(SiteKind.Member);
    public static readonly Site RouteArgument = new(SiteKind.RouteArgument);
    public static readonly Site Paging = new(SiteKind.Paging);
    public static readonly Site Job = new(SiteKind.Job);
    public static readonly Site JsonContext = new(SiteKind.JsonContext);

    public static Site OfParameter(int index) => new(SiteKind.Parameter, index);
    public static Site OfQuery(int index) => new(SiteKind.Query, index);
}

/// <summary>The member's name; a parameter; the route argument of its HTTP attribute; its [Paging] / [AsyncJob]; a
/// parameter's [Query]; the interface's JsonContext (the second place a GCT0122 fix edits).</summary>
internal enum SiteKind { Member, Parameter, RouteArgument, Paging, Job, Query, JsonContext }
