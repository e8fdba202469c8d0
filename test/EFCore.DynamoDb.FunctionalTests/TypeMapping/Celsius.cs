namespace EFCore.DynamoDb.FunctionalTests.TypeMapping;

/// <summary>A value object stored through a user value converter, as its number of degrees.</summary>
public readonly record struct Celsius(decimal Degrees);
