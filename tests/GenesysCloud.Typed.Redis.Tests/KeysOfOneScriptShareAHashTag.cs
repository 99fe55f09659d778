namespace GenesysCloud.Typed.Redis.Tests;

/// <summary>The key layout: every key under the prefix, and the keys one script touches under one Redis Cluster hash tag.</summary>
public sealed class KeysOfOneScriptShareAHashTag
{
    public static TheoryData<string, string> Names()
    {
        var data = new TheoryData<string, string>();
        var random = new Random(21);
        string[] prefixes = ["genesys:", "app-1:", "x", "a:b:c:"];
        for (var i = 0; i < 40; i++)
        {
            var name = new string(Enumerable.Range(0, random.Next(1, 30)).Select(_ => (char)random.Next('!', '~' + 1)).Where(c => c is not '{' and not '}').ToArray());
            data.Add(prefixes[i % prefixes.Length], name.Length == 0 ? "n" : name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_keys_one_script_touches_share_a_hash_tag_under_the_prefix(string prefix, string name)
    {
        var keys = new RedisKeys(prefix);
        string[] all = [keys.Token(name), keys.TokenLock(name), keys.Budget(name), keys.BudgetMembers(name), keys.RefreshToken(name, "u"), keys.Probe];

        Assert.All(all, key => Assert.StartsWith(prefix, key, StringComparison.Ordinal));
        Assert.Equal(HashTag(keys.Token(name)), HashTag(keys.TokenLock(name)));
        Assert.Equal(HashTag(keys.Budget(name)), HashTag(keys.BudgetMembers(name)));
        Assert.Equal(name, HashTag(keys.Token(name)));
        Assert.Equal(all.Length, all.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_budget_is_named_per_login_host_and_client()
    {
        Assert.NotEqual(RedisKeys.BudgetName("login.mypurecloud.com", "a"), RedisKeys.BudgetName("login.mypurecloud.ie", "a"));
        Assert.NotEqual(RedisKeys.BudgetName("login.mypurecloud.com", "a"), RedisKeys.BudgetName("login.mypurecloud.com", "b"));
    }

    // What Redis Cluster hashes: the text between the first '{' and the next '}'.
    private static string HashTag(string key)
    {
        var open = key.IndexOf('{');
        return key[(open + 1)..key.IndexOf('}', open + 1)];
    }
}
