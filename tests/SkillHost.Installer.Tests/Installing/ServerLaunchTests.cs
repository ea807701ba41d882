namespace SkillHost.Installer.Tests.Installing;

public sealed class ServerLaunchTests
{
    [Fact]
    public void Under_dotnet_the_launch_is_dotnet_with_the_dll_then_serve()
    {
        var launch = ServerLaunch.ForRunningTool("/usr/share/dotnet/dotnet", "/opt/skillhost/skillhost.dll");

        Assert.Equal("/usr/share/dotnet/dotnet", launch.Command);
        Assert.Equal(["/opt/skillhost/skillhost.dll", "serve"], launch.Arguments);
    }

    [Fact]
    public void As_an_executable_the_launch_is_the_executable_then_serve()
    {
        var launch = ServerLaunch.ForRunningTool("/home/me/.dotnet/tools/skillhost", "/home/me/.dotnet/tools/.store/skillhost/0.1.0/skillhost.dll");

        Assert.Equal("/home/me/.dotnet/tools/skillhost", launch.Command);
        Assert.Equal(["serve"], launch.Arguments);
    }

    [Fact]
    public void A_path_with_spaces_stays_one_argument_in_the_entry_and_is_quoted_on_a_command_line()
    {
        var launch = new ServerLaunch("/Program Files/dotnet/dotnet", ["/Users/Jane Doe/skillhost.dll", "serve"]);

        Assert.Equal("/Program Files/dotnet/dotnet", launch.ToEntry(withType: false)["command"]!.ToString());
        Assert.Equal("\"/Program Files/dotnet/dotnet\" \"/Users/Jane Doe/skillhost.dll\" serve", launch.DisplayCommandLine);
    }

    [Fact]
    public void The_entry_has_a_stdio_type_only_when_asked()
    {
        var launch = new ServerLaunch("skillhost", ["serve"]);

        Assert.Equal("""{"type":"stdio","command":"skillhost","args":["serve"]}""", launch.ToEntry(withType: true).ToJsonString());
        Assert.Equal("""{"command":"skillhost","args":["serve"]}""", launch.ToEntry(withType: false).ToJsonString());
    }
}
