namespace SalesSpec.Domain.Common;

/// <summary>A domain invariant was broken. The message is written for the person who typed the value.</summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string message) : base(message)
    {
    }

    public DomainRuleException()
    {
    }

    public DomainRuleException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
