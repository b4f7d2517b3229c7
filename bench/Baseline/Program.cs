// A bare Kestrel endpoint answering with a small constant JSON body: the ceiling that the site's own
// search API is measured against in the same benchmark run.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var answer = new { query = "常州", queryKind = "text", total = 0, page = 1, pageSize = 20, hits = Array.Empty<object>() };
app.MapGet("/api/v1/search", () => Results.Json(answer));
app.MapGet("/search", () => Results.Text("<!DOCTYPE html><html lang=\"zh-CN\"><title>baseline</title><p>常州</p></html>", "text/html; charset=utf-8"));
app.Run();
