using Telemed.Core.Theming;

// A softer public theme: a centred header with the clinic's logo, serif headings, a white rounded sheet on a warm page.
[assembly: PublicTheme("calm", "Calm", "_CalmLayout")]
