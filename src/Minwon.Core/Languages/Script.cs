namespace Minwon.Core.Languages;

/// <summary>The writing systems the language identifier tells apart before its n-gram model is asked.</summary>
public enum Script
{
    None,
    Hangul,
    Kana,
    Han,
    Latin,
    Cyrillic,
    Thai,
    Lao,
    Khmer,
    Myanmar,
    Arabic,
    Devanagari,
    Other,
}
