namespace EFCore.DynamoDb.FunctionalTests.ExecuteUpdate;

/// <summary>Stored as text through <c>HasConversion&lt;string&gt;()</c>.</summary>
public enum PlayerClass
{
    Warrior,
    Mage,
    Rogue,
}
