// The namespaces nearly every feature uses; a file names only what is particular to it.
global using System.Globalization;
global using System.Security.Claims;
global using Microsoft.EntityFrameworkCore;
global using SalesSpec.Domain.Access;
global using SalesSpec.Domain.Common;
global using SalesSpec.Domain.Organizations;
global using SalesSpec.Web.Data;
global using SalesSpec.Web.Features.Access;
global using SalesSpec.Web.Validation;
