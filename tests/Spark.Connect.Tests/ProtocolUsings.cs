// The generated Spark Connect messages live in their own namespace (so they never clash with users' types);
// this project works with them throughout.
global using Spark.Connect.Protocol;
