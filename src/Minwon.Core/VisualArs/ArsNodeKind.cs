namespace Minwon.Core.VisualArs;

/// <summary>What choosing a menu entry does, on the web page and on the phone alike.</summary>
public enum ArsNodeKind { Menu, Info, Form, Connect, Link }
