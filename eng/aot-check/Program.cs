using System;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Privacy;
using Privacy.BuiltIn;
using Privacy.Documents;

// Exercises the main entry points once, so that a trimmed or native AOT build is also shown to run.
var services = new ServiceCollection();
services.AddPrivacy(options => options.TimeZone = "Europe/Oslo");
using var provider = services.BuildServiceProvider();

var at = Instant.FromUtc(2026, 3, 1, 9, 0);
var subject = new DataSubject("u-17", hasEmail: true, [PrivacyEvent.MarketingOptOut(Instant.FromUtc(2026, 2, 1, 10, 0))]);
var gate = provider.GetRequiredService<IPrivacyGate>();
var decision = BuiltInPolicies.IsmartviewPro2018Compiled.Decide(new UseRequest(new("personal.email"), new("marketing.own"), at), subject);

var document = PolicyDocument.ToJson(BuiltInPolicies.IsmartviewPro2018Policy);
var reloaded = PolicyDocument.Parse(document);

Console.WriteLine($"{gate.GetType().Name} {decision.Effect} {string.Join(",", decision.Clauses)} {reloaded.Id} {document.Length}");
return decision.Effect == Effect.Deny && reloaded.Id == BuiltInPolicies.IsmartviewPro2018Id ? 0 : 1;
