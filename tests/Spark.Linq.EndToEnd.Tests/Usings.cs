global using NUnit.Framework;
global using Spark.Linq;
