using Spark.DeepPlanProbe;

// Usage: Spark.DeepPlanProbe <scenario> [size]. Prints one line per outcome: "OK <what happened>" or
// "ERROR <exception type> [<error class>]: <message>". Exit code 0 whenever the scenario ran to an outcome;
// a stack overflow ends the process with the runtime's own code and "Stack overflow." on stderr.
if (args.Length is < 1 or > 2 || !Scenarios.All.TryGetValue(args[0], out var scenario))
{
    Console.Error.WriteLine($"usage: Spark.DeepPlanProbe <{string.Join('|', Scenarios.All.Keys)}> [size]");
    return 2;
}
var size = args.Length == 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0;

// The default stack of a thread-pool thread on Linux, where ASP.NET Core runs requests and queries.
const int ThreadPoolStack = 1536 * 1024;
var lines = new List<string>();
var thread = new Thread(() => scenario(size, lines.Add), ThreadPoolStack);
thread.Start();
thread.Join();
foreach (var line in lines) Console.WriteLine(line);
return 0;
