namespace HcmcPortal.Feedback;

/// <summary>The 1022 channel's services and endpoints (issue 13), registered with one call each from Program.cs.</summary>
public static class FeedbackSetup
{
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddSingleton<UnitLocator>();
        services.AddSingleton<FeedbackNotifier>();
        services.AddSingleton<FeedbackService>();
        services.AddSingleton<FeedbackQueries>();
        services.AddHostedService<FeedbackReminderWorker>();
        return services;
    }

    public static void MapFeedback(this IEndpointRouteBuilder app) => app.MapFeedbackPhotos();
}
