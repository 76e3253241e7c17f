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

    /// <summary>Address details: 동·호수, 층·호, 번지 and a road name with its building number (issue 13).</summary>
    Address,
}
