namespace Minwon.Core.VisualArs;

public enum ArsFieldType { Text, Textarea, Phone, Date, Select, District, VehiclePlate, Photo }
