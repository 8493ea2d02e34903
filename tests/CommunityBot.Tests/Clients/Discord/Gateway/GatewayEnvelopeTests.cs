using System.Text;
using CommunityBot.Clients.Discord.Gateway;

namespace CommunityBot.Tests.Clients.Discord.Gateway;

public sealed class GatewayEnvelopeTests
{
    [Fact]
    public void Parse_DispatchInAnyFieldOrder_FindsOpSequenceNameAndData()
    {
        var json = """{"t":"INTERACTION_CREATE","s":42,"op":0,"d":{"id":"1","data":{"name":"quote"}},"extra":[1,2]}"""u8;

        var envelope = GatewayEnvelope.Parse(json);

        Assert.Equal((0, 42L), (envelope.Op, envelope.Sequence));
        Assert.Same(GatewayEventNames.InteractionCreate, envelope.EventName);
        Assert.Equal("""{"id":"1","data":{"name":"quote"}}""",
            Encoding.UTF8.GetString(json.Slice(envelope.DataStart, envelope.DataLength)));
    }

    [Fact]
    public void Parse_NonDispatch_HasNullSequenceAndScalarData()
    {
        var json = """{"op":9,"d":false,"s":null,"t":null}"""u8;

        var envelope = GatewayEnvelope.Parse(json);

        Assert.Equal((9, (long?)null, (string?)null), (envelope.Op, envelope.Sequence, envelope.EventName));
        Assert.Equal("false", Encoding.UTF8.GetString(json.Slice(envelope.DataStart, envelope.DataLength)));
    }

    [Fact]
    public void Parse_UnknownEventName_IsReadAsIs()
    {
        var envelope = GatewayEnvelope.Parse("""{"op":0,"s":1,"t":"SOMETHING_NEW","d":{}}"""u8);

        Assert.Equal("SOMETHING_NEW", envelope.EventName);
    }
}
