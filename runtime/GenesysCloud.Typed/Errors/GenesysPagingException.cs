namespace GenesysCloud.Typed;

/// <summary>Paging stopped because the server's next link cannot be followed safely: it repeats an earlier page, points
/// at another host or scheme, or is not a URI. No request (and no token) was sent to it.</summary>
public sealed class GenesysPagingException(string message) : Exception(message);
