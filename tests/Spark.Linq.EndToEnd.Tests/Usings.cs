global using NUnit.Framework;
global using Spark.Linq;
global using Spark.Linq.Testing;
