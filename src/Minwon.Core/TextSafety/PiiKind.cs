namespace Minwon.Core.TextSafety;

/// <summary>Kinds of personal data the masker finds. <see cref="PiiKinds.WireName"/> gives the JSON spelling.</summary>
public enum PiiKind
{
    Rrn,
    Phone,
    Card,
    Account,
    Email,
    Passport,
    DriverLicense,
    VehiclePlate,
}
